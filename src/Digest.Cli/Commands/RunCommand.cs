using System.CommandLine;

namespace Digest.Cli.Commands;

/// <summary>`digest run`: the whole pipeline on the file system. PLACEHOLDER (scaffold).</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "(not available yet)");
        command.SetAction(_ => 2);
        return command;
    }
}
