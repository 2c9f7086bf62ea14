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

    /// <summary>Marks keys as Sending; returns the keys this caller claimed (those nobody else had).</summary>
    public async Task<IReadOnlySet<string>> ClaimAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return claimed;
        }

        await UpdateAsync(
            entries =>
            {
                claimed.Clear();
                foreach (var key in keys.Where(k => !entries.ContainsKey(k)))
                {
                    entries[key] = new DeliveryEntry(DeliveryState.Sending, null, null, time.GetUtcNow());
                    claimed.Add(key);
                }
            },
            cancellationToken).ConfigureAwait(false);
        return claimed;
    }

    /// <summary>Removes this caller's Sending claims (the provider accepted nothing).</summary>
    public Task ReleaseAsync(IReadOnlySet<string> keys, CancellationToken cancellationToken) =>
        UpdateAsync(
            entries =>
            {
                foreach (var key in keys)
                {
                    if (entries.TryGetValue(key, out var entry) && entry.State == DeliveryState.Sending)
                    {
                        entries.Remove(key);
                    }
                }
            },
            cancellationToken);

    public Task RecordAsync(IReadOnlyList<RecipientOutcome> outcomes, CancellationToken cancellationToken) =>
        UpdateAsync(
            entries =>
            {
                foreach (var outcome in outcomes)
                {
                    entries[outcome.SubscriberKey] = new DeliveryEntry(
                        outcome.Accepted ? DeliveryState.Sent : DeliveryState.Failed,
                        outcome.MessageId,
                        outcome.Error,
                        time.GetUtcNow());
                }
            },
            cancellationToken);

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
