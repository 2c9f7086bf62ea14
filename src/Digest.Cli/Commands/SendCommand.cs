using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Digest.Cli.Dev;
using Digest.Cli.Hosting;
using Digest.Core;
using Digest.Core.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Cli.Commands;

/// <summary>
/// `digest send [--day D] [--retry-in-doubt]`: sends a built day to every active subscriber who has not received it
/// (SendDayJob plans and enqueues; the queue is then drained here as `dev` would). Safe to repeat.
/// </summary>
internal static class SendCommand
{
    public static Command Create()
    {
        var day = new Option<string?>("--day") { Description = "Digest day, YYYY-MM-DD. Default: today in Digest__TimeZone" };
        var retryInDoubt = new Option<bool>("--retry-in-doubt")
        {
            Description = "Also resend recipients left \"in doubt\" (their sender stopped during the provider call and the claim's lease, Digest__SendClaimLease, expired; outcome unknown). Never those still being sent (live lease). Your choice: they may get the digest twice",
        };
        var json = new Option<bool>("--json") { Description = "Print the outcome as one JSON object" };
        var storage = CommonOptions.Storage();
        var store = CommonOptions.Store();
        var outbox = new Option<string>("--outbox") { Description = "Folder for the .eml outbox (when Email__Provider is Outbox, the default). Default: the Email__Outbox__Path setting, else out/outbox", };
        var command = new Command("send", "Send a built day's digest to every active subscriber who has not received it yet (subscribers added after the build included; nobody twice).")
        {
            day, retryInDoubt, json, storage, store, outbox,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (register, _) = StorageSelection.Choose(CliConfiguration.Build(), parse.GetValue(storage), parse.GetValue(store));
            var configuration = await LocalSigningKey.EnsureConfiguredAsync(CliConfiguration.Build(), register, cancellationToken);
            var outboxPath = parse.GetValue(outbox) ?? configuration["Email:Outbox:Path"] ?? "out/outbox";
            await using var services = CliServices.Build(configuration, TimeProvider.System, Path.GetFullPath(outboxPath), register, parse.GetValue(CliApp.Verbose) ? LogLevel.Information : LogLevel.Warning);
            var digestDay = ParseDay(parse.GetValue(day)) ?? services.GetRequiredService<IOptions<DigestOptions>>().Value.DayOf(TimeProvider.System.GetUtcNow());
            SendDayOutcome outcome;
            try
            {
                outcome = await services.GetRequiredService<SendDayJob>().RunAsync(digestDay, parse.GetValue(retryInDoubt), cancellationToken);
            }
            catch (InvalidOperationException e)
            {
                throw new CliException(e.Message, CliExit.Failure, e);
            }

            var sent = await new DevHost(services, new DevOptions()).DrainAsync(cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new SortedDictionary<string, object>
                {
                    ["day"] = outcome.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["digestId"] = outcome.DigestId,
                    ["newRecipients"] = outcome.NewRecipients,
                    ["pending"] = outcome.Pending,
                    ["alreadySent"] = outcome.AlreadySent,
                    ["inDoubt"] = outcome.InDoubt,
                    ["sending"] = outcome.Sending,
                    ["batchesEnqueued"] = outcome.Batches,
                    ["emailsSent"] = sent.EmailsSent,
                    ["batchFailures"] = sent.BatchFailures,
                    ["batchesPoisoned"] = sent.BatchesPoisoned,
                }));
            }
            else
            {
                await output.WriteLineAsync(
                    $"{outcome.DigestId}: {outcome.NewRecipients} subscribers added since the build, {outcome.Pending} pending, {outcome.AlreadySent} already sent, "
                    + $"{outcome.InDoubt} in doubt; {outcome.Batches} batches enqueued, {sent.EmailsSent} emails sent, {sent.BatchFailures} failed attempts, {sent.BatchesPoisoned} poisoned.");
                if (outcome.InDoubt > 0 && !parse.GetValue(retryInDoubt))
                {
                    await output.WriteLineAsync($"note: {outcome.InDoubt} recipients are in doubt (a send was interrupted) and were not resent; --retry-in-doubt resends them, which may email them twice.");
                }

                if (outcome.Sending > 0)
                {
                    await output.WriteLineAsync($"note: {outcome.Sending} recipients are being sent by another process right now (live claim) and were left to it; if that process is gone they become in doubt once the lease (Digest__SendClaimLease) expires.");
                }
            }

            return sent.BatchesPoisoned > 0 || (sent.BatchFailures > 0 && sent.EmailsSent < outcome.Pending) ? CliExit.Failure : CliExit.Success;
        });
        return command;
    }

    internal static DateOnly? ParseDay(string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new CliException($"--day '{text}' is not a date; use YYYY-MM-DD, e.g. 2026-11-30", CliExit.Usage);
}
