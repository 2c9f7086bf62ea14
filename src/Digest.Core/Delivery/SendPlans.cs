using Digest.Core.Json;
using Digest.Core.Storage;

namespace Digest.Core.Delivery;

/// <summary>
/// A day's send plans: the build's (digests/&lt;day&gt;/send-plan.json) first, then those `digest send` added for
/// subscribers who joined after the build (digests/&lt;day&gt;/send-plans/*.json), in name order. What the day was
/// planned to reach, for the sender and for the accounting alike.
/// </summary>
public static class SendPlans
{
    public static async Task<IReadOnlyList<SendPlan>> ReadAllAsync(IBlobStore store, DateOnly day, CancellationToken cancellationToken = default)
    {
        var (main, _) = await store.ReadAsync(Containers.Digests, Containers.SendPlan(day), DigestJsonContext.Stored.SendPlan, cancellationToken).ConfigureAwait(false);
        var added = await ReadAddedAsync(store, day, cancellationToken).ConfigureAwait(false);
        return main is null ? added : [main, .. added];
    }

    /// <summary>Only the plans `digest send` added after the build (digests/&lt;day&gt;/send-plans/*.json), in name order.</summary>
    public static async Task<IReadOnlyList<SendPlan>> ReadAddedAsync(IBlobStore store, DateOnly day, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        await foreach (var blob in store.ListAsync(Containers.Digests, $"{Containers.Day(day)}/send-plans/", cancellationToken).ConfigureAwait(false))
        {
            names.Add(blob.Name);
        }

        var plans = new List<SendPlan>();
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            var (plan, _) = await store.ReadAsync(Containers.Digests, name, DigestJsonContext.Stored.SendPlan, cancellationToken).ConfigureAwait(false);
            if (plan is not null)
            {
                plans.Add(plan);
            }
        }

        return plans;
    }
}
