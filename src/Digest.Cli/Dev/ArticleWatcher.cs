using System.Collections.Concurrent;
using Digest.Core.Articles;
using Digest.Core.Storage;
using Digest.Core.Triggers;
using Microsoft.Extensions.Logging;

namespace Digest.Cli.Dev;

/// <summary>
/// Plays the blob trigger: lists articles/ and hands each new or changed blob (name + ETag) to
/// <see cref="ArticleUploadTrigger"/>, the path the Functions app's ParseArticle takes (it validates, parses or
/// quarantines, and logs); the job's receipts make it exactly once per ETag even across processes. Up to <see cref="DevOptions.ParseConcurrency"/>
/// blobs are parsed at once, as the Functions host runs several blob-triggered invocations side by side; the job is
/// safe to run concurrently (each blob has its own outputs and create-only receipt). What the trigger throws is what
/// makes Event Grid redeliver: a blob whose parse keeps failing for infrastructure reasons is delivered again the next
/// cycles, a bounded number of times, then left alone (logged) until it changes; a blob another host has claimed
/// (<see cref="ParseInProgressException"/>) is skipped this cycle and looked at again the next.
/// </summary>
internal sealed partial class ArticleWatcher(IBlobStore store, ArticleUploadTrigger trigger, DevOptions options, ILogger logger)
{
    private readonly ConcurrentDictionary<string, bool> _done = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _elsewhere = new(StringComparer.Ordinal);

    /// <summary>
    /// Blobs whose last parse failed and will be retried, or that another host has claimed and is parsing: while any
    /// is, the day's build waits (issue 19, items 4 and 12), so the digest is not built without them.
    /// </summary>
    public int Failing => _failures.Count + _elsewhere.Count;

    public async Task<DevCycleReport> PollAsync(CancellationToken cancellationToken)
    {
        var (parsed, quarantined, skipped) = (0, 0, 0);
        var pending = store.ListAsync(Containers.Articles, null, cancellationToken)
            .Select(blob => (blob.Name, Version: blob.Name + "\n" + blob.ETag))
            .Where(blob => !_done.ContainsKey(blob.Version));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.ParseConcurrency), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(pending, parallel, async (blob, ct) =>
        {
            try
            {
                var outcome = await trigger.RunAsync(blob.Name, ct).ConfigureAwait(false);
                _elsewhere.TryRemove(blob.Version, out _);
                _done[blob.Version] = true;
                _failures.TryRemove(blob.Version, out _);
                _ = outcome.Kind switch
                {
                    ParseOutcomeKind.Parsed => Interlocked.Increment(ref parsed),
                    ParseOutcomeKind.Quarantined => Interlocked.Increment(ref quarantined),
                    _ => Interlocked.Increment(ref skipped),
                };
            }
            catch (ParseInProgressException)
            {
                // Another host claimed it: skipped this cycle, looked at again next cycle (done, or its claim expired).
                _elsewhere[blob.Version] = true;
                Interlocked.Increment(ref skipped);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The trigger logged the failure; delivered again next cycle, up to the bound.
                var attempts = _failures.AddOrUpdate(blob.Version, 1, (_, n) => n + 1);
                if (attempts >= options.MaxParseAttempts)
                {
                    _done[blob.Version] = true;
                    _failures.TryRemove(blob.Version, out _);
                    LogGaveUp(logger, e, blob.Name, attempts);
                }
            }
        }).ConfigureAwait(false);

        return DevCycleReport.Empty with { ArticlesParsed = parsed, ArticlesQuarantined = quarantined, ArticlesSkipped = skipped };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Parsing {Blob} failed {Attempts} times; giving up until it changes")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, string blob, int attempts);
}
