using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Digest.Cli.Hosting;
using Digest.Core;
using Digest.Core.Accounting;
using Microsoft.Extensions.Configuration;

namespace Digest.Cli.Commands;

/// <summary>
/// `digest status [--day YYYY-MM-DD] [--json]`: one day's accounting from the store (file system or Azure Storage):
/// uploads, parsed, quarantined by reason, stories, batches, emails accepted / failed / parked / in doubt (in-doubt
/// recipients listed, masked), the day's deliverability (provider events and the complaint rate against 0.1% / 0.3%),
/// and whether it all reconciles. Exit 0 when it does, 1 when not (with what does not),
/// 2 on a usage or storage error.
/// </summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var dayOption = new Option<string?>("--day") { Description = "The day (YYYY-MM-DD). Default: today in Digest__TimeZone" };
        var json = new Option<bool>("--json") { Description = "Print the accounting as JSON" };
        var storage = CommonOptions.Storage();
        var store = CommonOptions.Store();
        var command = new Command("status", "Account for one day: every upload parsed or quarantined, every subscriber sent, failed, parked or in doubt. Exit 0 when it reconciles, 1 when not.")
        {
            dayOption, json, storage, store,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var configuration = CliConfiguration.Build();
                var options = configuration.GetSection(DigestOptions.Section).Get<DigestOptions>() ?? new DigestOptions();
                var zone = options.ResolveTimeZone();
                var day = SendCommand.ParseDay(parse.GetValue(dayOption)) ?? options.DayOf(TimeProvider.System.GetUtcNow());
                var blobStore = StorageSelection.OpenStore(configuration, parse.GetValue(storage), parse.GetValue(store), out var description);
                var status = await new DayAccounting(blobStore, zone).ComputeAsync(day, cancellationToken);
                if (parse.GetValue(json))
                {
                    // The store it read is a field, so --json output stays one JSON document.
                    var document = JsonSerializer.SerializeToNode(status, StatusJsonContext.Default.DayStatus)!.AsObject();
                    document.Insert(0, "store", description);
                    await output.WriteLineAsync(document.ToJsonString(StatusJsonContext.Default.Options));
                }
                else
                {
                    await output.WriteLineAsync($"Store: {description}");
                    await output.WriteAsync(Format(status));
                    if (status.Digest is null && StorageSelection.RunStoreHint(parse.GetValue(storage), parse.GetValue(store)) is { } hint)
                    {
                        await output.WriteLineAsync(hint);
                    }
                }

                return status.Reconciles ? 0 : 1;
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or TimeZoneNotFoundException or global::Azure.RequestFailedException or HttpRequestException or IOException)
            {
                await error.WriteLineAsync($"digest status: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static string Percent(double rate) => (rate * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    internal static string Format(DayStatus s)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        var u = s.Uploads;
        w.WriteLine($"Digest status for {s.Day:yyyy-MM-dd}");
        w.WriteLine($"  uploads        {u.Total} ({u.Parsed} parsed, {u.Quarantined} quarantined, {u.Pending} pending)");
        w.WriteLine($"  articles       {s.ParsedArticles} parsed articles filed under the day");
        foreach (var g in s.Quarantined)
        {
            w.WriteLine($"  quarantined    {g.Count,6} {g.Code}: {g.Example}");
        }

        w.WriteLine(s.Digest is { } d
            ? $"  digest         {d.Id}: {Counted.Of(d.Stories, "story", "stories")} from {Counted.Of(d.Articles, "article", "articles")}, built {d.GeneratedAt:u}"
            : "  digest         not built");
        var b = s.Batches;
        w.WriteLine($"  batches        {b.Planned} planned, {(b.Enqueued ? "enqueued" : "not enqueued")}, {b.Sent} done, {b.Parked} parked, {b.Pending} pending, {b.Poisoned} poisoned");
        var e = s.Emails;
        w.WriteLine($"  emails         {e.Planned} planned: {e.Accepted} accepted, {e.Failed} failed, {e.Parked} parked, {e.InDoubt} in doubt, {e.NoLongerActive} no longer active, {e.Pending} pending, {e.Sending} being sent now");
        var q = s.Deliverability;
        w.WriteLine($"  deliverability {q.Accepted} accepted, {q.Delivered} delivered, {q.Deferred} deferred, {q.Bounced} bounced, {q.SoftBounced} soft-bounced, {q.Complaints} complaints, {q.Unsubscribes} unsubscribes, {q.Dropped} dropped");
        w.WriteLine(q.ComplaintRate is { } rate
            ? $"  complaints     {Percent(rate)} of {(q.Delivered > 0 ? "delivered" : "accepted")} ({q.ComplaintLevel}; recommended under 0.1%, limit 0.3%)"
            : "  complaints     no rate yet (nothing accepted or delivered)");
        if (q.ComplaintLevel is "warning" or "over")
        {
            w.WriteLine($"  warning        complaint rate {Percent(q.ComplaintRate ?? 0)} is above 0.1%{(q.ComplaintLevel == "over" ? ", over the 0.3% limit" : "")}");
        }

        foreach (var r in s.InDoubt)
        {
            w.WriteLine($"  in doubt       subscriber {r.SubscriberKey} {r.MaskedEmail} ({r.BatchId}, claimed {r.Since:u})");
        }

        if (s.InDoubt.Count > 0)
        {
            w.WriteLine($"  in doubt       {Counted.Of(s.InDoubt.Count, "recipient", "recipients")}: their sender stopped during the provider call, so they may or may not have the email; `digest send --retry-in-doubt --day {s.Day:yyyy-MM-dd}` resends them (possibly twice)");
        }

        foreach (var note in s.Notes)
        {
            w.WriteLine($"  note           {note}");
        }

        if (s.Reconciles)
        {
            w.WriteLine("Reconciles: every upload parsed or quarantined; every planned subscriber accepted, failed, parked, in doubt or no longer active.");
        }
        else
        {
            w.WriteLine("Does not reconcile:");
            foreach (var p in s.Problems)
            {
                w.WriteLine($"  - {p}");
            }
        }

        return w.ToString();
    }
}
