using System.Collections.Concurrent;
using Digest.Core.Articles;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Digest.Cli.Dev;

/// <summary>
/// Plays the blob trigger: lists articles/ and hands each new or changed blob (name + ETag) to ParseArticleJob,
/// whose receipts make it exactly once per ETag even across processes. Up to <see cref="DevOptions.ParseConcurrency"/>
/// blobs are parsed at once, as the Functions host runs several blob-triggered invocations side by side; the job is
/// safe to run concurrently (each blob has its own outputs and create-only receipt). A blob whose parse keeps failing
/// for infrastructure reasons is retried a bounded number of times, then left alone (logged) until it changes. A blob
/// another host has claimed (<see cref="ParseClaim"/>) is skipped this cycle and looked at again the next.
/// </summary>
internal sealed partial class ArticleWatcher(IBlobStore store, ParseArticleJob job, DevOptions options, ILogger logger)
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
                var outcome = await job.RunAsync(blob.Name, ct).ConfigureAwait(false);
                if (outcome.Kind == ParseOutcomeKind.InProgress)
                {
                    // Another host claimed it: skipped this cycle, looked at again next cycle (done, or its claim expired).
                    _elsewhere[blob.Version] = true;
                    Interlocked.Increment(ref skipped);
                    return;
                }

                _elsewhere.TryRemove(blob.Version, out _);
                _done[blob.Version] = true;
                _failures.TryRemove(blob.Version, out _);
                switch (outcome.Kind)
                {
                    case ParseOutcomeKind.Parsed:
                        Interlocked.Increment(ref parsed);
                        break;
                    case ParseOutcomeKind.Quarantined:
                        Interlocked.Increment(ref quarantined);
                        LogQuarantined(logger, blob.Name, outcome.Reason ?? "rejected");
                        break;
                    default:
                        Interlocked.Increment(ref skipped);
                        break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var attempts = _failures.AddOrUpdate(blob.Version, 1, (_, n) => n + 1);
                if (attempts >= options.MaxParseAttempts)
                {
                    _done[blob.Version] = true;
                    _failures.TryRemove(blob.Version, out _);
                    LogGaveUp(logger, e, blob.Name, attempts);
                }
                else
                {
                    // One line, no stack trace: an outage makes every blob in flight fail at once, and it is retried.
                    LogRetrying(logger, blob.Name, attempts, e.GetType().Name, e.Message);
                }
            }
        }).ConfigureAwait(false);

        return DevCycleReport.Empty with { ArticlesParsed = parsed, ArticlesQuarantined = quarantined, ArticlesSkipped = skipped };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quarantined {Blob}: {Reason}")]
    private static partial void LogQuarantined(ILogger logger, string blob, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Parsing {Blob} failed (attempt {Attempt}: {Error}: {Message}); will retry")]
    private static partial void LogRetrying(ILogger logger, string blob, int attempt, string error, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Parsing {Blob} failed {Attempts} times; giving up until it changes")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, string blob, int attempts);
}
