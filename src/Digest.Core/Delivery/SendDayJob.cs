using Digest.Core.Digests;
using Digest.Core.Json;
using Digest.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.Core.Delivery;

/// <summary>
/// The operator's `digest send`: (re)enqueues a built day for every active subscriber who has not received it.
/// Subscribers added after the build go into a new plan (digests/&lt;day&gt;/send-plans/extra-NNNNN.json, created
/// with If-None-Match: * so two racing senders cannot put one subscriber in two batches); every batch of the day
/// with a pending recipient is enqueued again under its own id, so the batch's delivery ledger, the single truth,
/// still keeps anyone from being emailed twice. Recipients left "in doubt" (their sender stopped during the provider
/// call and the claim's lease expired) are only released for resending when the operator asks (<c>retryInDoubt</c>):
/// the provider may have accepted them, so that choice may email them twice and is theirs to make. A claim whose lease
/// is still live ("sending": its sender may still be at it) is never released. A batch enqueued again loses its
/// poisoned marker.
/// </summary>
public sealed class SendDayJob(
    IBlobStore store,
    SendPlanner planner,
    [FromKeyedServices(Containers.SendBatchesQueue)] IMessageQueue sendQueue,
    IOptions<DigestOptions> options,
    TimeProvider time)
{
    public async Task<SendDayOutcome> RunAsync(DateOnly day, bool retryInDoubt, CancellationToken cancellationToken = default)
    {
        var (digest, _) = await store.ReadAsync(Containers.Digests, Containers.DigestJson(day), DigestJsonContext.Stored.DigestDocument, cancellationToken).ConfigureAwait(false);
        if (digest is null)
        {
            throw new InvalidOperationException($"there is no digest for {Containers.Day(day)} yet; build it first (digest dev --now --once, or the daily timer)");
        }

        if (digest.Stories.Count == 0 && !options.Value.SendEmptyDigest)
        {
            return new SendDayOutcome(day, digest.Id, 0, 0, 0, 0, 0) { SkippedEmpty = true };
        }

        var active = await planner.ActiveKeysAsync(cancellationToken).ConfigureAwait(false);

        var (batches, added) = await planner.PlanNewcomersAsync(day, digest.Id, active, cancellationToken).ConfigureAwait(false);
        var (pending, sent, inDoubt, sending, enqueued) = (0, 0, 0, 0, 0);
        foreach (var batch in batches)
        {
            var ledger = new LedgerStore(store, day, batch.BatchId, time);
            var entries = (await ledger.ReadAsync(cancellationToken).ConfigureAwait(false)).Ledger.Entries;
            var now = time.GetUtcNow();
            var doubtful = batch.SubscriberKeys.Where(k => entries.TryGetValue(k, out var e) && e.IsInDoubt(now)).ToHashSet(StringComparer.Ordinal);
            sending += batch.SubscriberKeys.Count(k => entries.TryGetValue(k, out var e) && e.IsLiveClaim(now));
            sent += batch.SubscriberKeys.Count(k => entries.TryGetValue(k, out var e) && e.State == DeliveryState.Sent);
            IReadOnlySet<string> released = new HashSet<string>();
            if (retryInDoubt && doubtful.Count > 0)
            {
                // Only claims whose lease has expired (re-checked in the write): a live claim's sender is still at it.
                released = await ledger.ReleaseInDoubtAsync(doubtful, cancellationToken).ConfigureAwait(false);
            }

            inDoubt += doubtful.Count;
            var waiting = batch.SubscriberKeys.Count(k => active.Contains(k) && (!entries.ContainsKey(k) || released.Contains(k)));
            if (waiting > 0)
            {
                pending += waiting;
                enqueued++;
                await sendQueue.EnqueueAsync(batch, cancellationToken).ConfigureAwait(false);
                await store.DeleteAsync(Containers.Digests, Containers.Poisoned(day, batch.BatchId), cancellationToken).ConfigureAwait(false);
            }
        }

        return new SendDayOutcome(day, digest.Id, added, pending, sent, inDoubt, enqueued) { Sending = sending };
    }

    /// <summary>
    /// Batches of a built day that still have active recipients neither claimed nor settled: what the send queue should
    /// still carry (or a stopped process holds hidden until its visibility timeout). Poisoned batches are not counted.
    /// </summary>
    public async Task<int> UnsentBatchesAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        if (await store.GetPropertiesAsync(Containers.Digests, Containers.DigestJson(day), cancellationToken).ConfigureAwait(false) is null)
        {
            return 0;
        }

        var active = await planner.ActiveKeysAsync(cancellationToken).ConfigureAwait(false);

        var unsent = 0;
        foreach (var batch in (await SendPlanner.ReadAllAsync(store, day, cancellationToken).ConfigureAwait(false)).SelectMany(p => p.Batches))
        {
            var entries = (await new LedgerStore(store, day, batch.BatchId, time).ReadAsync(cancellationToken).ConfigureAwait(false)).Ledger.Entries;
            if (batch.SubscriberKeys.Any(k => active.Contains(k) && !entries.ContainsKey(k))
                && await store.GetPropertiesAsync(Containers.Digests, Containers.Poisoned(day, batch.BatchId), cancellationToken).ConfigureAwait(false) is null)
            {
                unsent++;
            }
        }

        return unsent;
    }
}
