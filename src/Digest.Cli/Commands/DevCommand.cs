using System.CommandLine;

namespace Digest.Cli.Commands;

/// <summary>`digest dev`. PLACEHOLDER (scaffold): filled in by its issue's work.</summary>
internal static class DevCommand
{
    public static Command Create()
    {
        var command = new Command("dev", "(not available yet)");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("digest dev: not available yet.");
            return 2;
        });
        return command;
    }
}
