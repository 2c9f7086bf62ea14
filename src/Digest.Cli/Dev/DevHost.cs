using Digest.Core;
using Digest.Core.Articles;
using Digest.Core.Delivery;
using Digest.Core.Digests;
using Digest.Core.Storage;
using Digest.Core.Stories.Embeddings;
using Digest.Core.Triggers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Cli.Dev;

/// <summary>
/// `digest dev`: plays the Functions host against whatever store and queue are registered (Azurite in practice): the
/// blob trigger (polling, once per ETag), the daily timer, and the send queue, each calling the same Core trigger
/// (Digest.Core.Triggers) as the Functions app's function class. What the triggers do is theirs; this only polls,
/// schedules, and redelivers or poisons as the host would.
/// </summary>
internal sealed partial class DevHost : IAsyncDisposable
{
    private readonly IServiceProvider _services;
    private readonly DevOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ArticleWatcher _articles;
    private readonly QueueDrainer _queue;
    private readonly DailySchedule _schedule;
    private readonly DigestOptions _digest;
    private readonly CoalescingTextEmbedder? _embedder;

    public DevHost(IServiceProvider services, DevOptions options)
    {
        _services = services;
        _options = options;
        _time = services.GetRequiredService<TimeProvider>();
        _logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Digest.Dev");
        _digest = services.GetRequiredService<IOptions<DigestOptions>>().Value;
        // Articles are parsed concurrently: their embeddings share model calls instead of queueing one by one.
        _embedder = services.GetService<ITextEmbedder>() is { } embedder ? new CoalescingTextEmbedder(embedder) : null;
        var parse = _embedder is null
            ? services.GetRequiredService<ArticleUploadTrigger>()
            : ActivatorUtilities.CreateInstance<ArticleUploadTrigger>(services, ActivatorUtilities.CreateInstance<ParseArticleJob>(services, (ITextEmbedder)_embedder));
        _articles = new ArticleWatcher(services.GetRequiredService<IBlobStore>(), parse, options, _logger);
        _queue = new QueueDrainer(
            services.GetRequiredKeyedService<IMessageQueue>(Containers.SendBatchesQueue),
            services.GetRequiredKeyedService<IMessageQueue>(Containers.SendBatchesPoisonQueue),
            services.GetRequiredService<SendBatchTrigger>(),
            options,
            _logger);
        _schedule = new DailySchedule(options.Schedule, _digest.ResolveTimeZone(), _time.GetUtcNow());
    }

    public ValueTask DisposeAsync() => _embedder?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>When the next scheduled digest is due.</summary>
    public DateTimeOffset NextBuild => _schedule.Next;

    /// <summary>
    /// Processes what is pending and returns: new articles, today's digest when <paramref name="buildNow"/> (or the
    /// schedule is due), then the send queue until it is empty, waiting out failed batches' retries (bounded by the
    /// poison limit).
    /// </summary>
    public async Task<DevCycleReport> RunOnceAsync(bool buildNow, CancellationToken cancellationToken)
    {
        var report = await _articles.PollAsync(cancellationToken).ConfigureAwait(false);
        if (buildNow || _schedule.IsDue(_time.GetUtcNow()))
        {
            // Uploads that failed to parse (storage hiccup) are retried before the build, a bounded number of times,
            // so the digest is not built without them.
            while (_articles.Failing > 0)
            {
                LogBuildWaits(_logger, _articles.Failing);
                await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
                report += await _articles.PollAsync(cancellationToken).ConfigureAwait(false);
            }

            report += await BuildAsync(cancellationToken).ConfigureAwait(false);
        }

        report += await DrainAsync(cancellationToken).ConfigureAwait(false);
        return buildNow ? report + await AwaitHiddenBatchesAsync(cancellationToken).ConfigureAwait(false) : report;
    }

    /// <summary>
    /// After a kill, the batches the dead process had received stay invisible on the queue for its visibility timeout,
    /// so a drain finds nothing although today's emails are not all sent. Waits for them (one visibility timeout and a
    /// poll, at most) and sends them; if some are still missing then, says when they come back and what to run.
    /// </summary>
    private async Task<DevCycleReport> AwaitHiddenBatchesAsync(CancellationToken cancellationToken)
    {
        var day = _digest.DayOf(_time.GetUtcNow());
        var days = _services.GetRequiredService<SendDayJob>();
        var unsent = await days.UnsentBatchesAsync(day, cancellationToken).ConfigureAwait(false);
        if (unsent == 0)
        {
            return DevCycleReport.Empty;
        }

        var report = DevCycleReport.Empty;
        var deadline = _time.GetUtcNow() + _options.VisibilityTimeout + _options.PollInterval;
        LogWaitingForHidden(_logger, unsent, Containers.Day(day), _options.VisibilityTimeout, deadline);
        while (unsent > 0 && _time.GetUtcNow() < deadline)
        {
            await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
            report += await DrainAsync(cancellationToken).ConfigureAwait(false);
            unsent = await days.UnsentBatchesAsync(day, cancellationToken).ConfigureAwait(false);
        }

        if (unsent > 0)
        {
            LogStillHidden(_logger, unsent, Containers.Day(day));
        }

        return report with { BatchesWaiting = unsent };
    }

    /// <summary>Drains the send queue until it is empty, waiting out failed batches' retries (bounded by the poison limit).</summary>
    public async Task<DevCycleReport> DrainAsync(CancellationToken cancellationToken)
    {
        var report = DevCycleReport.Empty;
        while (true)
        {
            var (drained, retriesPending) = await _queue.DrainAsync(cancellationToken).ConfigureAwait(false);
            report += drained;
            if (!retriesPending)
            {
                return report;
            }

            await Task.Delay(_options.VisibilityTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs until cancelled (Ctrl+C): polls articles, fires the schedule, drains the queue. An outage (storage or the
    /// email provider unreachable) does not stop it: the failure is logged once, the cycle is retried with backoff
    /// (<see cref="DevOptions.PollInterval"/> doubling up to <see cref="DevOptions.MaxRetryDelay"/>), a build that was
    /// due stays due, and work resumes when the service is back; the receipts and the ledger keep it exactly-once.
    /// </summary>
    public async Task RunAsync(bool buildNow, Action<DevCycleReport>? onCycle, CancellationToken cancellationToken)
    {
        var buildDue = buildNow;
        var delay = _options.PollInterval;
        var failing = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                buildDue |= _schedule.IsDue(_time.GetUtcNow());
                var report = await _articles.PollAsync(cancellationToken).ConfigureAwait(false);
                if (buildDue && _articles.Failing > 0)
                {
                    // Never build the day while some of its uploads are still failing to parse: they would miss it.
                    LogBuildWaits(_logger, _articles.Failing);
                }
                else if (buildDue)
                {
                    report += await BuildAsync(cancellationToken).ConfigureAwait(false);
                    buildDue = false;
                }

                report += (await _queue.DrainAsync(cancellationToken).ConfigureAwait(false)).Report;
                if (failing)
                {
                    LogResumed(_logger);
                    failing = false;
                }

                delay = _options.PollInterval;
                if (report != DevCycleReport.Empty)
                {
                    onCycle?.Invoke(report);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (!failing)
                {
                    LogOutage(_logger, e.GetType().Name, e.Message);
                    failing = true;
                }

                delay = TimeSpan.FromTicks(Math.Min(_options.MaxRetryDelay.Ticks, delay.Ticks * 2));
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DevCycleReport> BuildAsync(CancellationToken cancellationToken)
    {
        var outcome = await _services.GetRequiredService<DailyBuildTrigger>().RunAsync(cancellationToken).ConfigureAwait(false);
        return outcome.Created
            ? DevCycleReport.Empty with { DigestsBuilt = 1, StoriesInFull = outcome.StoriesInFull, StoriesInBrief = outcome.StoriesInBrief, StoriesOverCap = outcome.StoriesOverCap }
            : DevCycleReport.Empty with { AlreadyBuilt = Containers.Day(outcome.Day), AlreadyBuiltStories = outcome.Stories };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A cycle failed ({Error}: {Message}); retrying with backoff until it works again (logged once per outage)")]
    private static partial void LogOutage(ILogger logger, string error, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The digest build waits: {Count} uploads failed to parse and are being retried")]
    private static partial void LogBuildWaits(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} batches of {Day} are not sent and not visible on the queue (a stopped process received them; they come back after its visibility timeout, {VisibilityTimeout} here): waiting for them until {Deadline:HH:mm:ss}")]
    private static partial void LogWaitingForHidden(ILogger logger, int count, string day, TimeSpan visibilityTimeout, DateTimeOffset deadline);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} batches of {Day} are still not sent and not on the queue (hidden by a stopped process with a longer visibility timeout, or lost): run `digest send --day {Day}` to enqueue them again (nobody is emailed twice)")]
    private static partial void LogStillHidden(ILogger logger, int count, string day);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Working again: the outage is over")]
    private static partial void LogResumed(ILogger logger);
}
