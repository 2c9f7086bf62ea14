using System.CommandLine;

namespace Digest.Cli.Commands;

/// <summary>`digest bench`. PLACEHOLDER (scaffold): filled in by its issue's work.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "(not available yet)");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("digest bench: not available yet.");
            return 2;
        });
        return command;
    }
}
