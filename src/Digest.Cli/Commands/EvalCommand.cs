using System.CommandLine;

namespace Digest.Cli.Commands;

/// <summary>`digest eval`. PLACEHOLDER (scaffold): filled in by its issue's work.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "(not available yet)");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("digest eval: not available yet.");
            return 2;
        });
        return command;
    }
}
