using Digest.Core.Articles;
using Digest.Core.Delivery;
using Digest.Core.Json;
using Digest.Core.Stories;
using Digest.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Core.Digests;

/// <summary>
/// The daily build, in four named steps: check the templates; compose the day's digest once (digests/&lt;day&gt;/digest.json
/// from the day's parsed articles); write the web archive (<see cref="WebArchive"/>); plan the sends once
/// (<see cref="SendPlanner"/>) and enqueue one send-batches message per batch of active subscribers.
/// Racing builders (two hosts, two timer firings) agree: the digest and the send plan are created with
/// If-None-Match: *, the loser adopts the winner's; duplicate queue messages are absorbed by the delivery ledger.
/// </summary>
public sealed partial class BuildDigestJob(
    IBlobStore store,
    StoryComposer composer,
    DigestRenderer renderer,
    SendPlanner planner,
    [FromKeyedServices(Containers.SendBatchesQueue)] IMessageQueue sendQueue,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<BuildDigestJob> logger)
{
    /// <summary>Concurrent blob reads while loading the day's articles.</summary>
    internal const int ParallelReads = 32;

    private readonly WebArchive _archive = new(store, renderer);

    public async Task<BuildDigestOutcome> RunAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        // Templates first: a broken override (parse error) stops the job before it writes or enqueues anything; a
        // render error stops it at the archive, still before the send plan and the queue.
        var templates = await DigestTemplates.LoadAsync(store, cancellationToken).ConfigureAwait(false);
        renderer.Validate(templates);
        var (digest, created) = await CreateDigestOnceAsync(day, cancellationToken).ConfigureAwait(false);
        if (created)
        {
            LogCreated(logger, digest.Id, digest.Stories.Count, digest.ArticleCount);
        }
        else
        {
            LogAlreadyCreated(logger, digest.Id);
        }

        await _archive.WriteAsync(digest, templates, cancellationToken).ConfigureAwait(false);
        if (digest.Stories.Count == 0 && !options.Value.SendEmptyDigest)
        {
            // Nobody wants "No new stories today." in their inbox; no plan is written, so a later `send` can still
            // deliver the day if the operator sets Digest:SendEmptyDigest.
            LogEmpty(logger, digest.Id);
            return new BuildDigestOutcome(day, digest.Id, created, digest.ArticleCount, 0, 0, 0, 0) { SkippedEmpty = true, StoriesOverCap = digest.OmittedStories };
        }

        var plan = await planner.PlanBuildOnceAsync(digest.Day, digest.Id, cancellationToken).ConfigureAwait(false);
        var enqueued = await EnqueueOnceAsync(plan, cancellationToken).ConfigureAwait(false);
        return new BuildDigestOutcome(
            day,
            digest.Id,
            created,
            digest.ArticleCount,
            digest.Stories.Count,
            digest.Stories.Count(s => s.Sources.Count > 1),
            enqueued ? plan.Batches.Count : 0,
            plan.Batches.Sum(b => b.SubscriberKeys.Count))
        {
            // The same split the email edition makes (DigestView): the first FullStories in full, the rest one line each.
            StoriesInFull = Math.Min(digest.Stories.Count, options.Value.FullStories),
            StoriesInBrief = Math.Max(0, digest.Stories.Count - options.Value.FullStories),
            StoriesOverCap = digest.OmittedStories,
        };
    }

    private async Task<(DigestDocument Digest, bool Created)> CreateDigestOnceAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var name = Containers.DigestJson(day);
        var (existing, _) = await store.ReadAsync(Containers.Digests, name, DigestJsonContext.Stored.DigestDocument, cancellationToken).ConfigureAwait(false);
        if (existing is not null && existing.Stories.Count > 0)
        {
            return (existing, false);
        }

        var articles = await LoadArticlesAsync(day, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            // An empty day is never locked: built before its articles arrived (storage came up late, uploads still
            // parsing), it is composed again once it has articles, as long as no email of it was accepted.
            if (articles.Count == existing.ArticleCount || !await TryResetEmptyDayAsync(day, cancellationToken).ConfigureAwait(false))
            {
                return (existing, false);
            }

            LogRecomposingEmpty(logger, existing.Id, articles.Count);
        }

        var (current, stale) = LeaveOutStale(articles, day);
        var stories = await composer.ComposeAsync(current, day, cancellationToken).ConfigureAwait(false);
        var ranked = StoryRanking.Rank(stories).ToArray();
        var max = options.Value.MaxStories;
        var digest = new DigestDocument(DigestDocument.IdFor(day), day, time.GetUtcNow(), articles.Count, ranked.Take(max).ToArray(), Math.Max(0, ranked.Length - max))
        {
            Stale = stale.Count == 0 ? null : stale,
        };
        var write = await store.WriteAsync(Containers.Digests, name, digest, DigestJsonContext.Stored.DigestDocument, BlobWriteOptions.CreateOnly(), cancellationToken).ConfigureAwait(false);
        if (write.Written)
        {
            return (digest, true);
        }

        var (winner, _) = await store.ReadAsync(Containers.Digests, name, DigestJsonContext.Stored.DigestDocument, cancellationToken).ConfigureAwait(false);
        return (winner ?? throw new InvalidOperationException($"{name} exists but cannot be read."), false);
    }

    /// <summary>
    /// Articles published more than Digest:MaxArticleAgeDays before the day (in Digest:TimeZone) are not news that day:
    /// left out of the stories, each listed with the reason. Articles without a publication date are kept.
    /// </summary>
    private (IReadOnlyList<Article> Current, IReadOnlyList<Rejection> Stale) LeaveOutStale(IReadOnlyList<Article> articles, DateOnly day)
    {
        var maxAge = options.Value.MaxArticleAgeDays;
        var oldest = day.AddDays(-maxAge);
        var current = new List<Article>(articles.Count);
        var stale = new List<Rejection>();
        foreach (var article in articles)
        {
            if (article.Published is { } published && options.Value.DayOf(published) is var publishedDay && publishedDay < oldest)
            {
                var reason = string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"stale: published {publishedDay:yyyy-MM-dd}, {day.DayNumber - publishedDay.DayNumber} days before the digest day {day:yyyy-MM-dd} (more than Digest__MaxArticleAgeDays = {maxAge}); left out of its stories");
                stale.Add(new Rejection(article.SourceName, reason, [], 0, time.GetUtcNow()));
            }
            else
            {
                current.Add(article);
            }
        }

        if (stale.Count > 0)
        {
            LogStale(logger, stale.Count, Containers.Day(day), maxAge);
        }

        return (current, stale.OrderBy(r => r.Source, StringComparer.Ordinal).ToArray());
    }

    private async Task<bool> TryResetEmptyDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        try
        {
            await new DigestDayReset(store).ResetAsync(day, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // "No new stories today." was already accepted for someone: that is the day's digest
        }
    }

    /// <summary>
    /// The day's parsed articles in name order. Listed first, then read with bounded parallelism: one after another,
    /// 10,000 articles at Azure latencies took minutes.
    /// </summary>
    private async Task<IReadOnlyList<Article>> LoadArticlesAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var blob in store.ListAsync(Containers.Parsed, Containers.Day(day) + "/", cancellationToken).ConfigureAwait(false))
        {
            names.Add(blob.Name);
        }

        var read = new Article?[names.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, names.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, ct) => (read[i], _) = await store.ReadAsync(Containers.Parsed, names[i], DigestJsonContext.Stored.Article, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return read.OfType<Article>().ToArray();
    }

    /// <summary>
    /// Enqueues every batch unless the day's "enqueued" marker exists. A crash before the marker re-enqueues on the
    /// next attempt (at-least-once); the ledger makes the duplicates harmless.
    /// </summary>
    private async Task<bool> EnqueueOnceAsync(SendPlan plan, CancellationToken cancellationToken)
    {
        var marker = Containers.Enqueued(plan.Day);
        if (await store.GetPropertiesAsync(Containers.Digests, marker, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        foreach (var batch in plan.Batches)
        {
            await sendQueue.EnqueueAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        // Create-only: if a racing builder wrote it first, both enqueued, which the ledger absorbs.
        await store.WriteAsync(Containers.Digests, marker, new EnqueuedMarker(plan.Batches.Count), DigestJsonContext.Stored.EnqueuedMarker, BlobWriteOptions.CreateOnly(), cancellationToken).ConfigureAwait(false);
        LogEnqueued(logger, plan.DigestId, plan.Batches.Count);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created {DigestId}: {Stories} stories from {Articles} articles")]
    private static partial void LogCreated(ILogger logger, string digestId, int stories, int articles);

    [LoggerMessage(Level = LogLevel.Information, Message = "{DigestId} has no stories: nothing is sent (Digest:SendEmptyDigest is false)")]
    private static partial void LogEmpty(ILogger logger, string digestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{DigestId} was built with no stories; composing it again from its {Articles} articles")]
    private static partial void LogRecomposingEmpty(ILogger logger, string digestId, int articles);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} articles filed under {Day} were published more than {MaxAge} days before it: left out of its stories (Digest__MaxArticleAgeDays)")]
    private static partial void LogStale(ILogger logger, int count, string day, int maxAge);

    [LoggerMessage(Level = LogLevel.Information, Message = "{DigestId} already exists: adopting it")]
    private static partial void LogAlreadyCreated(ILogger logger, string digestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enqueued {Batches} send batches for {DigestId}")]
    private static partial void LogEnqueued(ILogger logger, string digestId, int batches);
}
