using System.CommandLine;
using System.Globalization;
using Digest.Cli.Hosting;
using Digest.Cli.Run;
using Spectre.Console;

namespace Digest.Cli.Commands;

/// <summary>`digest run`: the whole pipeline on the file system (no services needed).</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "Article files or folders (plain text, Markdown, HTML, JSON). Default: seeds/articles/",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var subscribers = new Option<string?>("--subscribers", "-s")
        {
            Description = "Subscribers file: .json (array of {\"email\",\"name\"}) or .csv (email,name,status,topics). Default: seeds/subscribers.json when present",
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Output folder for digest.json|html|txt, outbox/*.eml and rejected.json",
            DefaultValueFactory = _ => "out",
        };
        var store = new Option<string?>("--store")
        {
            Description = "Keep state in this file-system store between runs (stories develop across days). Default: a fresh store in OUT/.store",
        };
        var date = new Option<string?>("--date", "-d")
        {
            Description = "Digest day, YYYY-MM-DD. Default: today in the configured time zone (Digest__TimeZone, UTC)",
        };

        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object (no progress display)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors" };
        var command = new Command("run", "Run the whole pipeline on the file system: articles in, a digest and an outbox of emails out.")
        {
            inputs, subscribers, output, store, date, json, quiet,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DateOnly? day = null;
            if (parse.GetValue(date) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    throw new CliException($"--date '{text}' is not a date; use YYYY-MM-DD, e.g. 2026-11-30", CliExit.Usage);
                }

                day = parsed;
            }

            var given = parse.GetValue(inputs) ?? [];
            var inputList = given.Length > 0 ? given : ["seeds/articles"];
            var subscribersFile = parse.GetValue(subscribers) ?? (File.Exists("seeds/subscribers.json") ? "seeds/subscribers.json" : null);
            var request = new RunRequest(inputList, subscribersFile, parse.GetValue(output)!, parse.GetValue(store), day);
            return await ExecuteAsync(request, parse.GetValue(json), parse.GetValue(quiet), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(RunRequest request, bool json, bool quiet, CancellationToken cancellationToken)
    {
        {
            RunReport? report = null;
            if (json || quiet)
            {
                report = await new LocalRun(CliConfiguration.Build()).ExecuteAsync(request, null, cancellationToken);
                if (json)
                {
                    Console.WriteLine(RunJson.Format(report));
                }

                return 0;
            }

            if (!AnsiConsole.Profile.Capabilities.Interactive)
            {
                // Not a terminal (CI, a pipe): one plain line per finished stage instead of live bars.
                var plain = new SyncProgress<(string Stage, int Done, int Total)>(p =>
                {
                    if (p.Done == p.Total)
                    {
                        Console.WriteLine($"{p.Stage}: {p.Done}/{p.Total}");
                    }
                });
                report = await new LocalRun(CliConfiguration.Build()).ExecuteAsync(request, plain, cancellationToken);
                RunSummary.Print(report);
                return 0;
            }

            await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var tasks = new Dictionary<string, ProgressTask>();
                    var progress = new SyncProgress<(string Stage, int Done, int Total)>(p =>
                    {
                        if (!tasks.TryGetValue(p.Stage, out var task))
                        {
                            tasks[p.Stage] = task = context.AddTask(p.Stage);
                        }

                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                    });
                    report = await new LocalRun(CliConfiguration.Build()).ExecuteAsync(request, progress, cancellationToken);
                });
            RunSummary.Print(report!);
            return 0;
        }
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; would post to the thread pool and race the final update).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
