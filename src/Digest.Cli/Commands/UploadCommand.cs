using System.CommandLine;

namespace Digest.Cli.Commands;

/// <summary>`digest upload`. PLACEHOLDER (scaffold): filled in by its issue's work.</summary>
internal static class UploadCommand
{
    public static Command Create()
    {
        var command = new Command("upload", "(not available yet)");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("digest upload: not available yet.");
            return 2;
        });
        return command;
    }
}
