using System.Globalization;
using Digest.Core.Json;
using Digest.Core.Storage;
using Microsoft.Extensions.Options;

namespace Digest.Core.Delivery;

/// <summary>
/// The one home of a day's send plans: which active subscribers go in which batch. The build's plan
/// (digests/&lt;day&gt;/send-plan.json) is written once, so racing builders agree; `digest send` adds a plan for the
/// subscribers who joined after it (digests/&lt;day&gt;/send-plans/extra-NNNNN.json), also created with
/// If-None-Match: * so two racing senders cannot put one subscriber in two batches. Every path is in <see cref="Containers"/>.
/// </summary>
public sealed class SendPlanner(IBlobStore store, SubscriberDirectory subscribers, IOptions<DigestOptions> options)
{
    private const int MaxPlanAttempts = 20;

    /// <summary>The keys of every active subscriber: who a plan is for (only active subscribers are planned).</summary>
    public async Task<IReadOnlySet<string>> ActiveKeysAsync(CancellationToken cancellationToken = default)
    {
        var active = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var subscriber in subscribers.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (subscriber.Status == SubscriberStatus.Active)
            {
                active.Add(subscriber.Key);
            }
        }

        return active;
    }

    /// <summary>The build's plan: the one already written, or one written now from the active subscribers (a racing builder's wins).</summary>
    public async Task<SendPlan> PlanBuildOnceAsync(DateOnly day, string digestId, CancellationToken cancellationToken = default)
    {
        var name = Containers.SendPlan(day);
        var (existing, _) = await store.ReadAsync(Containers.Digests, name, DigestJsonContext.Stored.SendPlan, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing;
        }

        var plan = Plan(day, digestId, "batch", await ActiveKeysAsync(cancellationToken).ConfigureAwait(false));
        var write = await store.WriteAsync(Containers.Digests, name, plan, DigestJsonContext.Stored.SendPlan, BlobWriteOptions.CreateOnly(), cancellationToken).ConfigureAwait(false);
        if (write.Written)
        {
            return plan;
        }

        var (winner, _) = await store.ReadAsync(Containers.Digests, name, DigestJsonContext.Stored.SendPlan, cancellationToken).ConfigureAwait(false);
        return winner ?? throw new InvalidOperationException($"{name} exists but cannot be read.");
    }

    /// <summary>Every batch of the day, after planning the <paramref name="active"/> subscribers who are in none yet.</summary>
    public async Task<(IReadOnlyList<SendBatchMessage> Batches, int Added)> PlanNewcomersAsync(DateOnly day, string digestId, IReadOnlySet<string> active, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < MaxPlanAttempts; attempt++)
        {
            var plans = await ReadAllAsync(store, day, cancellationToken).ConfigureAwait(false);
            var batches = plans.SelectMany(p => p.Batches).ToList();
            var planned = batches.SelectMany(b => b.SubscriberKeys).ToHashSet(StringComparer.Ordinal);
            var newcomers = active.Where(k => !planned.Contains(k)).ToArray();
            if (newcomers.Length == 0)
            {
                return (batches, 0);
            }

            var id = "extra-" + plans.Count.ToString("D5", CultureInfo.InvariantCulture);
            var extra = Plan(day, digestId, id, newcomers);
            var write = await store.WriteAsync(Containers.Digests, Containers.AddedSendPlan(day, id), extra, DigestJsonContext.Stored.SendPlan, BlobWriteOptions.CreateOnly(), cancellationToken).ConfigureAwait(false);
            if (write.Written)
            {
                return ([.. batches, .. extra.Batches], newcomers.Length);
            }

            // Another sender planned first: read again, its newcomers are ours.
        }

        throw new InvalidOperationException($"the send plans of {Containers.Day(day)} kept changing; run the command again");
    }

    /// <summary>
    /// A day's send plans: the build's first, then those `digest send` added, in name order. What the day was planned
    /// to reach, for the sender and for the accounting alike.
    /// </summary>
    public static async Task<IReadOnlyList<SendPlan>> ReadAllAsync(IBlobStore store, DateOnly day, CancellationToken cancellationToken = default)
    {
        var main = await ReadBuildAsync(store, day, cancellationToken).ConfigureAwait(false);
        var added = await ReadAddedAsync(store, day, cancellationToken).ConfigureAwait(false);
        return main is null ? added : [main, .. added];
    }

    /// <summary>Only the build's plan (digests/&lt;day&gt;/send-plan.json); null before the build planned the day.</summary>
    public static async Task<SendPlan?> ReadBuildAsync(IBlobStore store, DateOnly day, CancellationToken cancellationToken = default) =>
        (await store.ReadAsync(Containers.Digests, Containers.SendPlan(day), DigestJsonContext.Stored.SendPlan, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Only the plans `digest send` added after the build, in name order.</summary>
    public static async Task<IReadOnlyList<SendPlan>> ReadAddedAsync(IBlobStore store, DateOnly day, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        await foreach (var blob in store.ListAsync(Containers.Digests, Containers.AddedSendPlans(day), cancellationToken).ConfigureAwait(false))
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

    /// <summary>The keys in ordinal order, cut into batches of Digest:BatchSize named &lt;prefix&gt;-00001, -00002, ...</summary>
    private SendPlan Plan(DateOnly day, string digestId, string prefix, IEnumerable<string> keys) =>
        new(day, digestId, keys.Order(StringComparer.Ordinal).Chunk(options.Value.BatchSize)
            .Select((chunk, i) => new SendBatchMessage(day, digestId, $"{prefix}-{i + 1:D5}", chunk))
            .ToArray());
}
