using Digest.Core.Json;
using Digest.Core.Storage;

namespace Digest.Core.Digests;

/// <summary>
/// `digest build --rebuild`: forgets a day's digest, archive and send plans so <see cref="BuildDigestJob"/> composes
/// it again (after a fix to an article or a template). Refused once the delivery ledger shows any email of the day
/// accepted or in flight: from then on the day's content is what subscribers have, and a different second version
/// would break "one digest per day".
/// </summary>
public sealed class DigestDayReset(IBlobStore store)
{
    /// <summary>Deletes the day's composed files; returns how many were deleted.</summary>
    /// <exception cref="InvalidOperationException">An email of the day was accepted or is in doubt.</exception>
    public async Task<int> ResetAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        var delivered = 0;
        await foreach (var blob in store.ListAsync(Containers.Digests, Containers.Day(day) + "/", cancellationToken).ConfigureAwait(false))
        {
            if (blob.Name.Contains("/deliveries/", StringComparison.Ordinal))
            {
                var (ledger, _) = await store.ReadAsync(Containers.Digests, blob.Name, DigestJsonContext.Stored.DeliveryLedger, cancellationToken).ConfigureAwait(false);
                delivered += ledger?.Entries.Values.Count(e => e.State is Delivery.DeliveryState.Sent or Delivery.DeliveryState.Sending) ?? 0;
            }
            else if (!blob.Name.Contains("/parked/", StringComparison.Ordinal))
            {
                names.Add(blob.Name);
            }
        }

        if (delivered > 0)
        {
            throw new InvalidOperationException($"the digest of {Containers.Day(day)} was already accepted for {delivered} recipients and cannot be rebuilt; fix tomorrow's, or use `digest send` to reach the rest");
        }

        foreach (var name in names)
        {
            await store.DeleteAsync(Containers.Digests, name, cancellationToken).ConfigureAwait(false);
        }

        return names.Count;
    }
}
