using System.CommandLine;
using Digest.Cli.Dev;
using Digest.Cli.Hosting;
using Digest.Core;
using Digest.Core.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Digest.Cli.Commands;

/// <summary>`digest dev`: run the jobs the way the Functions host would, against Azurite (or the file-system store).</summary>
internal static class DevCommand
{
    public static Command Create()
    {
        var storage = CommonOptions.Storage();
        var store = CommonOptions.Store();
        var now = new Option<bool>("--now") { Description = "Build (and send) today's digest immediately instead of waiting for the schedule" };
        var once = new Option<bool>("--once") { Description = "Process what is pending (articles; with --now, today's digest and its emails) and exit" };
        var schedule = new Option<string?>("--schedule") { Description = "NCrontab schedule with seconds, as the Functions timer. Default: the DigestSchedule setting, else \"0 0 6 * * *\"" };
        var outbox = new Option<string?>("--outbox") { Description = "Folder for the .eml outbox (when Email__Provider is Outbox, the default). Default: the Email__Outbox__Path setting, else out/outbox" };
        var json = new Option<bool>("--json") { Description = "With --once: print what was done as one JSON object" };
        var port = new Option<int?>("--port") { Description = "While watching, serve the unsubscribe page and the web archive on http://localhost:PORT. Default: the port of Digest__PublicBaseUrl when it is on localhost, else 7071" };
        var noServe = new Option<bool>("--no-serve") { Description = "While watching, do not serve the unsubscribe page and the web archive" };
        var parseConcurrency = new Option<int?>("--parse-concurrency") { Description = "Article blobs parsed at once. Default: 8" };
        parseConcurrency.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1 or > 64) r.AddError("--parse-concurrency must be between 1 and 64."); });
        var command = new Command("dev", "Run ParseArticle, BuildDigest and SendDigest locally as the Functions host would: new blobs once per ETag, the daily schedule, the send queue with retries and a poison queue; while watching, serve the emails' links (unsubscribe, web archive) on localhost.")
        {
            storage, store, now, once, schedule, outbox, json, port, noServe, parseConcurrency,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            {
                var (register, description) = StorageSelection.Choose(CliConfiguration.Build(), parse.GetValue(storage), parse.GetValue(store));
                var configuration = await LocalSigningKey.EnsureConfiguredAsync(CliConfiguration.Build(), register, waitForStorage: !parse.GetValue(once), cancellationToken);
                await using var services = CliServices.Build(configuration, TimeProvider.System, Path.GetFullPath(parse.GetValue(outbox) ?? configuration["Email:Outbox:Path"] ?? "out/outbox"), register, parse.GetValue(CliApp.Verbose) ? LogLevel.Information : LogLevel.Warning);
                if (parse.GetValue(schedule) is { } given)
                {
                    SettingsCheck.Schedule(given, "--schedule");
                }

                var options = new DevOptions
                {
                    Schedule = parse.GetValue(schedule) ?? configuration[SettingsCheck.ScheduleSetting] ?? new DevOptions().Schedule,
                    ParseConcurrency = parse.GetValue(parseConcurrency) ?? new DevOptions().ParseConcurrency,
                    VisibilityTimeout = SettingsCheck.VisibilityTimeout(configuration) ?? new DevOptions().VisibilityTimeout,
                };
                await using var host = new DevHost(services, options);
                if (parse.GetValue(once) && parse.GetValue(json))
                {
                    var done = await host.RunOnceAsync(parse.GetValue(now), cancellationToken);
                    Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(done));
                    return done.BatchesWaiting > 0 ? CliExit.Failure : CliExit.Success;
                }

                AnsiConsole.MarkupLine($"digest dev on {Markup.Escape(description)}; next scheduled digest {host.NextBuild:yyyy-MM-dd HH:mm:ss zzz}.");
                if (parse.GetValue(once))
                {
                    var done = await host.RunOnceAsync(parse.GetValue(now), cancellationToken);
                    Print(done);
                    return done.BatchesWaiting > 0 ? CliExit.Failure : CliExit.Success;
                }

                await using var site = parse.GetValue(noServe) ? null : await LocalSite.StartAsync(services, LocalSite.PortFor(parse.GetValue(port), services.GetRequiredService<IOptions<DigestOptions>>().Value), cancellationToken);
                AnsiConsole.MarkupLine(site is null ? "Watching. Press Ctrl+C to stop." : $"Watching; unsubscribe page and web archive on {site.BaseUrl}digests/index.html. Press Ctrl+C to stop.");
                try
                {
                    await host.RunAsync(parse.GetValue(now), Print, cancellationToken);
                }
                catch (DeliveryStoppedException e)
                {
                    // A send was interrupted between two messages: say what was sent and what the next run sends.
                    AnsiConsole.MarkupLine("Stopped " + Markup.Escape(e.Message) + ".");
                    return CliExit.Failure;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    AnsiConsole.MarkupLine("Stopped.");
                }

                return 0;
            }
        });
        return command;
    }

    private static void Print(DevCycleReport r) =>
        AnsiConsole.MarkupLine($"articles: {r.ArticlesParsed} parsed, {r.ArticlesQuarantined} quarantined, {r.ArticlesSkipped} already done · digests built: {r.DigestsBuilt} · batches: {r.BatchesSent} sent ({r.EmailsSent} emails), {r.BatchFailures} failed attempts, {r.BatchesPoisoned} poisoned{(r.MessagesParked > 0 ? $", {Counted.Of(r.MessagesParked, "unusable message", "unusable messages")} parked in digests/parked/send-batches/" : "")}{r.StoriesText}{Markup.Escape(r.AlreadyBuiltText)}");
}
