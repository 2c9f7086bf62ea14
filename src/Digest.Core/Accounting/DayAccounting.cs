using System.Collections.Concurrent;
using Digest.Core.Articles;
using Digest.Core.Delivery;
using Digest.Core.Delivery.Subscribers;
using Digest.Core.Json;
using Digest.Core.Storage;

namespace Digest.Core.Accounting;

/// <summary>
/// Computes a <see cref="DayStatus"/> from the store alone (never from a process's memory), on any
/// <see cref="IBlobStore"/>: the file system or Azure Storage. Read-only. Per-blob reads run with bounded parallelism
/// so a day of 10,000 uploads on Azure costs seconds, not minutes.
/// </summary>
/// <remarks>
/// An upload belongs to the day its current version's receipt names (the day it was filed under); an upload whose
/// current version has no receipt belongs to the day of its last write in the digest zone, and is "pending".
/// Subscribers are taken from the day's send plan (written once, from the subscribers active at build time).
/// </remarks>
public sealed class DayAccounting(IBlobStore store, TimeZoneInfo zone, int parallelism = 16, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private const int ListedExamples = 5;

    public async Task<DayStatus> ComputeAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var notes = new List<string>();

        var (uploads, quarantined, parsedArticles) = await UploadsAsync(day, problems, cancellationToken).ConfigureAwait(false);
        var (digest, _) = await store.ReadAsync(Containers.Digests, Containers.DigestJson(day), DigestJsonContext.Stored.DigestDocument, cancellationToken).ConfigureAwait(false);
        // The build's plan and those `digest send` added for later subscribers: every one of them was planned.
        var plan = await SendPlanner.ReadBuildAsync(store, day, cancellationToken).ConfigureAwait(false);
        if (plan is not null)
        {
            plan = plan with { Batches = [.. plan.Batches, .. (await SendPlanner.ReadAddedAsync(store, day, cancellationToken).ConfigureAwait(false)).SelectMany(p => p.Batches)] };
        }

        var enqueued = await store.GetPropertiesAsync(Containers.Digests, Containers.Enqueued(day), cancellationToken).ConfigureAwait(false) is not null;

        DigestCounts? digestCounts = null;
        if (digest is null)
        {
            notes.Add("No digest has been built for this day yet.");
            if (plan is not null)
            {
                problems.Add("A send plan exists but the digest does not.");
            }
        }
        else
        {
            digestCounts = new DigestCounts(digest.Id, digest.GeneratedAt, digest.ArticleCount, digest.Stories.Count);
            foreach (var stale in digest.Stale ?? [])
            {
                notes.Add($"left out: {stale.Source}: {stale.Reason}");
            }

            if (parsedArticles > digest.ArticleCount)
            {
                // Filed articles that no digest carries are lost to subscribers: that does not reconcile.
                problems.Add($"{parsedArticles - digest.ArticleCount} articles were filed under this day after the digest was built; they are in no digest (`digest build --rebuild` recomposes the day before it is sent).");
            }

            if (plan is null)
            {
                problems.Add("The digest is written but no send plan is: the build stopped before planning the batches (run the build again).");
            }
        }

        var (batches, emails, inDoubt) = plan is null
            ? (new BatchCounts(0, enqueued, 0, 0, 0), new EmailCounts(0, 0, 0, 0, 0, 0, 0), (IReadOnlyList<InDoubtRecipient>)[])
            : await DeliveriesAsync(day, plan, enqueued, problems, cancellationToken).ConfigureAwait(false);

        var deliverability = DeliverabilityCounts.From(emails.Accepted, await EventCountsAsync(day, cancellationToken).ConfigureAwait(false));

        return new DayStatus
        {
            Deliverability = deliverability,
            Day = day,
            Uploads = uploads,
            ParsedArticles = parsedArticles,
            Quarantined = quarantined,
            Digest = digestCounts,
            Batches = batches,
            Emails = emails,
            InDoubt = inDoubt,
            Problems = problems,
            Notes = notes,
        };
    }

    private async Task<(UploadCounts Uploads, IReadOnlyList<QuarantineGroup> Quarantined, int ParsedArticles)> UploadsAsync(DateOnly day, List<string> problems, CancellationToken cancellationToken)
    {
        var parsedNames = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in store.ListAsync(Containers.Parsed, Containers.Day(day) + "/", cancellationToken).ConfigureAwait(false))
        {
            parsedNames.Add(blob.Name);
        }

        var reasons = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in store.ListAsync(Containers.Quarantine, null, cancellationToken).ConfigureAwait(false))
        {
            if (blob.Name.EndsWith(".reason.json", StringComparison.Ordinal))
            {
                reasons.Add(blob.Name);
            }
        }

        var uploads = new List<BlobProperties>();
        await foreach (var blob in store.ListAsync(Containers.Articles, null, cancellationToken).ConfigureAwait(false))
        {
            uploads.Add(blob);
        }

        // One receipt read per upload (the receipt names the day), in parallel.
        var receipts = new ConcurrentDictionary<string, ParseReceipt?>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(uploads, Options(cancellationToken), async (upload, ct) =>
        {
            var (receipt, _) = await store.ReadAsync(Containers.State, ParseReceipt.BlobNameFor(upload.Name, upload.ETag), DigestJsonContext.Stored.ParseReceipt, ct).ConfigureAwait(false);
            receipts[upload.Name] = receipt;
        }).ConfigureAwait(false);

        var (total, parsed, pendingNames, missingArticle, missingReason) = (0, 0, new List<string>(), new List<string>(), new List<string>());
        var quarantinedNames = new List<string>();
        foreach (var upload in uploads)
        {
            var receipt = receipts[upload.Name];
            var uploadDay = receipt?.Day ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(upload.LastModified, zone).DateTime);
            if (uploadDay != day)
            {
                continue;
            }

            total++;
            switch (receipt?.Kind)
            {
                // A name no store reads ("..") has no receipt: its quarantine reason accounts for it.
                case null when !BlobNames.IsValid(upload.Name) && reasons.Contains(Containers.QuarantineReason(upload.Name)):
                    quarantinedNames.Add(upload.Name);
                    break;
                case null:
                    pendingNames.Add(upload.Name);
                    break;
                case ParseOutcomeKind.Parsed when receipt.ArticleId is { } id && parsedNames.Contains(Containers.ParsedArticle(day, id)):
                    parsed++;
                    break;
                case ParseOutcomeKind.Parsed:
                    missingArticle.Add(upload.Name);
                    break;
                case ParseOutcomeKind.Quarantined when reasons.Contains(Containers.QuarantineReason(upload.Name)):
                    quarantinedNames.Add(upload.Name);
                    break;
                default:
                    missingReason.Add(upload.Name);
                    break;
            }
        }

        Report(problems, pendingNames, "uploads are neither parsed nor quarantined (no receipt for their current version; `digest dev --once` processes them)");
        Report(problems, missingArticle, "uploads have a 'parsed' receipt but their article is missing from parsed/");
        Report(problems, missingReason, "uploads have a 'quarantined' receipt but no quarantine reason");

        var groups = new ConcurrentBag<(string Code, string Reason)>();
        await Parallel.ForEachAsync(quarantinedNames, Options(cancellationToken), async (name, ct) =>
        {
            var (rejection, _) = await store.ReadAsync(Containers.Quarantine, Containers.QuarantineReason(name), DigestJsonContext.Stored.Rejection, ct).ConfigureAwait(false);
            var code = rejection?.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.Code ?? "rejected";
            groups.Add((code, rejection?.Reason ?? "rejected"));
        }).ConfigureAwait(false);
        var quarantined = groups
            .GroupBy(g => g.Code, StringComparer.Ordinal)
            .Select(g => new QuarantineGroup(g.Key, g.Count(), g.Select(x => x.Reason).Order(StringComparer.Ordinal).First()))
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Code, StringComparer.Ordinal)
            .ToArray();

        return (new UploadCounts(total, parsed, quarantinedNames.Count, pendingNames.Count), quarantined, parsedNames.Count);
    }

    private async Task<(BatchCounts, EmailCounts, IReadOnlyList<InDoubtRecipient>)> DeliveriesAsync(DateOnly day, SendPlan plan, bool enqueued, List<string> problems, CancellationToken cancellationToken)
    {
        var ledgers = new ConcurrentDictionary<string, (DeliveryLedger? Ledger, ParkedBatch? Parked)>(StringComparer.Ordinal);
        var poisonedBatches = new ConcurrentDictionary<string, PoisonedBatch>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(plan.Batches, Options(cancellationToken), async (batch, ct) =>
        {
            var (ledger, _) = await store.ReadAsync(Containers.Digests, Containers.Delivery(day, batch.BatchId), DigestJsonContext.Stored.DeliveryLedger, ct).ConfigureAwait(false);
            var (parked, _) = await store.ReadAsync(Containers.Digests, Containers.Parked(day, batch.BatchId), DigestJsonContext.Stored.ParkedBatch, ct).ConfigureAwait(false);
            ledgers[batch.BatchId] = (ledger, parked);
            if ((await store.ReadAsync(Containers.Digests, Containers.Poisoned(day, batch.BatchId), DigestJsonContext.Stored.PoisonedBatch, ct).ConfigureAwait(false)).Value is { } poisoned)
            {
                poisonedBatches[batch.BatchId] = poisoned;
            }
        }).ConfigureAwait(false);
        var now = _time.GetUtcNow();

        // Who has no ledger entry: no longer active (skipped on purpose) or still pending.
        var unhandled = plan.Batches
            .SelectMany(b => b.SubscriberKeys.Where(k => ledgers[b.BatchId].Ledger?.Entries.ContainsKey(k) != true).Select(k => (b.BatchId, Key: k)))
            .ToArray();
        var inDoubtKeys = plan.Batches
            .SelectMany(b => b.SubscriberKeys
                .Where(k => ledgers[b.BatchId].Ledger?.Entries.TryGetValue(k, out var e) == true && e.IsInDoubt(now))
                .Select(k => (b.BatchId, Key: k, ledgers[b.BatchId].Ledger!.Entries[k].At)))
            .ToArray();
        var liveClaims = plan.Batches
            .SelectMany(b => b.SubscriberKeys
                .Select(k => ledgers[b.BatchId].Ledger?.Entries.GetValueOrDefault(k))
                .Where(e => e?.IsLiveClaim(now) == true))
            .Select(e => e!)
            .ToArray();
        var subscribers = new ConcurrentDictionary<string, Subscriber?>(StringComparer.Ordinal);
        var directory = new SubscriberDirectory(store);
        await Parallel.ForEachAsync(unhandled.Select(u => u.Key).Concat(inDoubtKeys.Select(d => d.Key)).Distinct(StringComparer.Ordinal), Options(cancellationToken), async (key, ct) =>
        {
            subscribers[key] = await directory.GetAsync(key, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new List<string>();
        int accepted = 0, failed = 0, parked = 0, noLongerActive = 0, pending = 0;
        int batchesSent = 0, batchesParked = 0, batchesPending = 0, batchesPoisoned = 0, poisonedPending = 0;
        foreach (var batch in plan.Batches)
        {
            var (ledger, parkedBatch) = ledgers[batch.BatchId];
            var batchPending = 0;
            foreach (var key in batch.SubscriberKeys)
            {
                if (!seen.Add(key))
                {
                    duplicates.Add(key);
                }

                if (ledger?.Entries.TryGetValue(key, out var entry) != true)
                {
                    if (subscribers.GetValueOrDefault(key) is { Status: SubscriberStatus.Active })
                    {
                        pending++;
                        batchPending++;
                    }
                    else
                    {
                        noLongerActive++;
                    }

                    continue;
                }

                switch (entry!.State)
                {
                    case DeliveryState.Sent:
                        accepted++;
                        break;
                    case DeliveryState.Failed when parkedBatch?.Failures.ContainsKey(key) == true:
                        parked++;
                        break;
                    case DeliveryState.Failed:
                        failed++;
                        break;
                }
            }

            if (batchPending > 0 && poisonedBatches.ContainsKey(batch.BatchId))
            {
                batchesPoisoned++;
                poisonedPending += batchPending;
            }
            else if (batchPending > 0)
            {
                batchesPending++;
            }
            else
            {
                batchesSent++;
            }

            if (parkedBatch is { Failures.Count: > 0 })
            {
                batchesParked++;
            }
        }

        if (!enqueued)
        {
            problems.Add("The send plan is written but its batches were never enqueued: the build stopped before queuing (run the build again).");
        }

        if (pending - poisonedPending > 0)
        {
            problems.Add($"{pending - poisonedPending} subscribers active at build time are not yet sent, failed, parked or in doubt ({batchesPending} batches {(enqueued ? "still queued or being retried" : "not enqueued")}).");
        }

        if (batchesPoisoned > 0)
        {
            var first = poisonedBatches.Values.OrderBy(p => p.BatchId, StringComparer.Ordinal).First();
            problems.Add($"{Counted.Of(poisonedPending, "subscriber is", "subscribers are")} in {Counted.Of(batchesPoisoned, "poisoned batch", "poisoned batches")} (moved to {Containers.SendBatchesPoisonQueue} after their retries ran out; {first.BatchId}: {first.Reason}); fix the cause, then `digest send` enqueues them again.");
        }

        if (liveClaims.Length > 0)
        {
            // A live lease: the sender is (presumably) still at it; the day is not settled until it is done or the lease expires.
            var until = liveClaims.Max(e => e.LeaseUntil!.Value);
            var owners = string.Join(", ", liveClaims.Select(e => e.Owner ?? "?").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(3));
            problems.Add($"{Counted.Of(liveClaims.Length, "recipient is", "recipients are")} being sent right now (claimed by {owners}; lease until {until:u}); run `digest status` again when the send is done. If that process is gone, they count as in doubt once the lease expires.");
        }

        Report(problems, duplicates, "subscribers appear in more than one batch of the send plan");

        var inDoubt = inDoubtKeys
            .Select(d => new InDoubtRecipient(d.BatchId, d.Key, subscribers.GetValueOrDefault(d.Key) is { } s ? EmailMask.Mask(s.Email) : "***", d.At))
            .OrderBy(d => d.BatchId, StringComparer.Ordinal)
            .ThenBy(d => d.MaskedEmail, StringComparer.Ordinal)
            .ToArray();
        var planned = plan.Batches.Sum(b => b.SubscriberKeys.Count);
        return (
            new BatchCounts(plan.Batches.Count, enqueued, batchesSent, batchesParked, batchesPending, batchesPoisoned),
            new EmailCounts(planned, accepted, failed, parked, inDoubt.Length, noLongerActive, pending, liveClaims.Length),
            inDoubt);
    }

    /// <summary>The day's recorded provider events by kind: state/delivery-events/&lt;day&gt;/&lt;kind&gt;/&lt;event&gt;, listed, not read.</summary>
    private async Task<IReadOnlyDictionary<string, int>> EventCountsAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var prefix = Containers.DeliveryEvents(day);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var blob in store.ListAsync(Containers.State, prefix, cancellationToken).ConfigureAwait(false))
        {
            var slash = blob.Name.IndexOf('/', prefix.Length);
            if (slash > prefix.Length)
            {
                var kind = blob.Name[prefix.Length..slash];
                counts[kind] = counts.GetValueOrDefault(kind) + 1;
            }
        }

        return counts;
    }

    private ParallelOptions Options(CancellationToken cancellationToken) => new() { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };

    private static void Report(List<string> problems, List<string> names, string what)
    {
        if (names.Count > 0)
        {
            names.Sort(StringComparer.Ordinal);
            var shown = string.Join(", ", names.Take(ListedExamples));
            problems.Add($"{names.Count} {what}: {shown}{(names.Count > ListedExamples ? ", ..." : "")}");
        }
    }
}
