using Digest.Core.Json;
using Digest.Core.Storage;

namespace Digest.Core.Delivery;

/// <summary>
/// Reads and updates one batch's delivery ledger with optimistic concurrency (If-Match / If-None-Match: *):
/// each update re-reads and retries on a lost race, so concurrent workers never overwrite each other's entries.
/// </summary>
internal sealed class LedgerStore(IBlobStore store, DateOnly day, string batchId, TimeProvider time)
{
    private const int MaxAttempts = 20;
    private readonly string _name = Containers.Delivery(day, batchId);

    public async Task<(DeliveryLedger Ledger, string? ETag)> ReadAsync(CancellationToken cancellationToken)
    {
        var (ledger, etag) = await store.ReadAsync(Containers.Digests, _name, DigestJsonContext.Stored.DeliveryLedger, cancellationToken).ConfigureAwait(false);
        return (ledger ?? new DeliveryLedger(batchId, new Dictionary<string, DeliveryEntry>()), etag);
    }

    /// <summary>
    /// One ledger write: records <paramref name="settle"/> (Sent or Failed), removes this owner's claims on
    /// <paramref name="release"/>, and claims (Sending, with <paramref name="owner"/> and a lease of
    /// <paramref name="lease"/>) those of <paramref name="claim"/> that have no entry. Returns the keys claimed.
    /// </summary>
    public async Task<IReadOnlySet<string>> StepAsync(
        IReadOnlyList<RecipientOutcome> settle,
        IReadOnlyCollection<string> release,
        IReadOnlyList<string> claim,
        string owner,
        TimeSpan lease,
        CancellationToken cancellationToken)
    {
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        if (settle.Count == 0 && release.Count == 0 && claim.Count == 0)
        {
            return claimed;
        }

        await UpdateAsync(
            entries =>
            {
                var now = time.GetUtcNow();
                foreach (var outcome in settle)
                {
                    entries[outcome.SubscriberKey] = new DeliveryEntry(outcome.Accepted ? DeliveryState.Sent : DeliveryState.Failed, outcome.MessageId, outcome.Error, now);
                }

                foreach (var key in release)
                {
                    if (entries.TryGetValue(key, out var entry) && entry.State == DeliveryState.Sending && entry.Owner == owner)
                    {
                        entries.Remove(key);
                    }
                }

                claimed.Clear();
                foreach (var key in claim.Where(k => !entries.ContainsKey(k)))
                {
                    entries[key] = new DeliveryEntry(DeliveryState.Sending, null, null, now, owner, now + lease);
                    claimed.Add(key);
                }
            },
            cancellationToken).ConfigureAwait(false);
        return claimed;
    }

    /// <summary>
    /// Removes the claims of <paramref name="keys"/> that are in doubt (lease expired) at the moment of the write,
    /// never a live one; returns the keys released.
    /// </summary>
    public async Task<IReadOnlySet<string>> ReleaseInDoubtAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var released = new HashSet<string>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return released;
        }

        await UpdateAsync(
            entries =>
            {
                released.Clear();
                var now = time.GetUtcNow();
                foreach (var key in keys)
                {
                    if (entries.TryGetValue(key, out var entry) && entry.IsInDoubt(now))
                    {
                        entries.Remove(key);
                        released.Add(key);
                    }
                }
            },
            cancellationToken).ConfigureAwait(false);
        return released;
    }

    private async Task UpdateAsync(Action<Dictionary<string, DeliveryEntry>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (ledger, etag) = await ReadAsync(cancellationToken).ConfigureAwait(false);
            var entries = new Dictionary<string, DeliveryEntry>(ledger.Entries, StringComparer.Ordinal);
            change(entries);
            var options = etag is null ? BlobWriteOptions.CreateOnly() : new BlobWriteOptions { IfMatch = etag };
            var write = await store.WriteAsync(Containers.Digests, _name, ledger with { Entries = entries }, DigestJsonContext.Stored.DeliveryLedger, options, cancellationToken).ConfigureAwait(false);
            if (write.Written)
            {
                return;
            }
        }

        throw new InvalidOperationException($"The delivery ledger {_name} kept changing under {MaxAttempts} attempts.");
    }
}
