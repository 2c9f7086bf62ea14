using System.CommandLine;

namespace Digest.Cli.Commands;

/// <summary>`digest subscribers`. PLACEHOLDER (scaffold): filled in by its issue's work.</summary>
internal static class SubscribersCommand
{
    public static Command Create()
    {
        var command = new Command("subscribers", "(not available yet)");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("digest subscribers: not available yet.");
            return 2;
        });
        return command;
    }
}
