using System.CommandLine;
using System.CommandLine.Parsing;
using Digest.Core.Delivery;
using Spectre.Console;

namespace Digest.Cli.Hosting;

/// <summary>
/// The `digest` entry point around System.CommandLine: plain output when not on a terminal, usage errors (exit 2)
/// with a did-you-mean, settings checked before any work, and every failure as one <c>error:</c> line (exit 1),
/// with the stack trace only under --verbose.
/// </summary>
internal static class CliApp
{
    /// <summary>Global: log every step and show stack traces of failures.</summary>
    public static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "Log every step; on failure also print the stack trace", Recursive = true };

    /// <summary>
    /// How long a command may take to finish after Ctrl+C or SIGTERM before the process ends anyway: a send lets the
    /// provider call in flight finish (<see cref="SendDigestJob.StopGrace"/>) and records it, which must fit in here.
    /// </summary>
    private static readonly TimeSpan StopTimeout = SendDigestJob.StopGrace + TimeSpan.FromSeconds(10);

    /// <param name="checkSettings">Validate the Digest, Email and storage settings before a command runs (false for
    /// the research tools, tools/Digest.Lab, which read none).</param>
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, TextWriter? output = null, TextWriter? error = null, bool checkSettings = true)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        root.Options.Add(Verbose);
        PlainConsole.ApplyWhenNeeded();
        var parse = root.Parse(args);
        if (UsageErrors.Find(parse) is { } usage)
        {
            await error.WriteLineAsync("error: " + usage);
            return CliExit.Usage;
        }

        try
        {
            var command = parse.CommandResult.Command;
            if (checkSettings && !IsHelp(parse) && command is not RootCommand)
            {
                SettingsCheck.Validate(CliConfiguration.Build());
            }

            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error, ProcessTerminationTimeout = StopTimeout });
        }
        catch (DeliveryStoppedException e)
        {
            await error.WriteLineAsync("error: " + e.Message);
            return CliExit.Failure;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("error: cancelled; nothing is lost, run the command again to continue");
            return CliExit.Failure;
        }
        catch (Exception e)
        {
            var (message, code) = CliErrors.Describe(e, StorageEndpoint(parse));
            await error.WriteLineAsync("error: " + message);
            if (parse.GetValue(Verbose))
            {
                await error.WriteLineAsync(e.ToString());
            }

            return code;
        }
    }

    private static bool IsHelp(ParseResult parse) => parse.Tokens.Any(t => t.Value is "--help" or "-h" or "-?");

    /// <summary>Where an unreachable-storage message says it tried: --storage, else AzureWebJobsStorage.</summary>
    private static Uri? StorageEndpoint(ParseResult parse)
    {
        try
        {
            string? option = null;
            for (var result = parse.CommandResult; result is not null; result = result.Parent as CommandResult)
            {
                if (result.Command.Options.OfType<Option<string?>>().FirstOrDefault(o => o.Name == "--storage") is { } storage)
                {
                    option = parse.GetValue(storage);
                    break;
                }
            }

            return StorageSelection.Azure(CliConfiguration.Build(), option)?.BlobServiceUri;
        }
        catch (CliException)
        {
            return null;
        }
    }
}
