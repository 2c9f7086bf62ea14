using Digest.Core.Articles;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Digest.Cli.Dev;

/// <summary>
/// Plays the blob trigger: lists articles/ and hands each new or changed blob (name + ETag) to ParseArticleJob,
/// whose receipts make it exactly once per ETag even across processes. A blob whose parse keeps failing for
/// infrastructure reasons is retried a bounded number of times, then left alone (logged) until it changes.
/// </summary>
internal sealed partial class ArticleWatcher(IBlobStore store, ParseArticleJob job, DevOptions options, ILogger logger)
{
    private readonly HashSet<string> _done = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);

    public async Task<DevCycleReport> PollAsync(CancellationToken cancellationToken)
    {
        var (parsed, quarantined, skipped) = (0, 0, 0);
        await foreach (var blob in store.ListAsync(Containers.Articles, null, cancellationToken).ConfigureAwait(false))
        {
            var version = blob.Name + "\n" + blob.ETag;
            if (_done.Contains(version))
            {
                continue;
            }

            try
            {
                var outcome = await job.RunAsync(blob.Name, cancellationToken).ConfigureAwait(false);
                _done.Add(version);
                switch (outcome.Kind)
                {
                    case ParseOutcomeKind.Parsed:
                        parsed++;
                        break;
                    case ParseOutcomeKind.Quarantined:
                        quarantined++;
                        LogQuarantined(logger, blob.Name, outcome.Reason ?? "rejected");
                        break;
                    default:
                        skipped++;
                        break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var attempts = _failures[version] = _failures.GetValueOrDefault(version) + 1;
                if (attempts >= options.MaxParseAttempts)
                {
                    _done.Add(version);
                    LogGaveUp(logger, e, blob.Name, attempts);
                }
                else
                {
                    LogRetrying(logger, e, blob.Name, attempts);
                }
            }
        }

        return DevCycleReport.Empty with { ArticlesParsed = parsed, ArticlesQuarantined = quarantined, ArticlesSkipped = skipped };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quarantined {Blob}: {Reason}")]
    private static partial void LogQuarantined(ILogger logger, string blob, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Parsing {Blob} failed (attempt {Attempt}); will retry")]
    private static partial void LogRetrying(ILogger logger, Exception exception, string blob, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Parsing {Blob} failed {Attempts} times; giving up until it changes")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, string blob, int attempts);
}
