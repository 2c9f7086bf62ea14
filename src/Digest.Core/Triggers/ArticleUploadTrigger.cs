using Digest.Core.Articles;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Triggers;

/// <summary>
/// What the blob trigger on articles/ does with one upload, the one path of both hosts: the Functions app's
/// ParseArticle (Event Grid) and `digest dev`'s watcher (polling) only hand the name over. <see cref="ParseArticleJob"/>
/// parses it or quarantines it (an invalid name too: by name, with the reason invalid-name); the outcome and the parser's
/// diagnostics are logged. Bad input is a handled outcome. A storage failure is logged in one line and thrown, and so is
/// an upload another instance is parsing (<see cref="ParseInProgressException"/>): the host delivers it again.
/// </summary>
public sealed class ArticleUploadTrigger(ParseArticleJob job, ILogger<ArticleUploadTrigger> logger)
{
    public async Task<ParseOutcome> RunAsync(string blobName, CancellationToken cancellationToken)
    {
        ParseOutcome outcome;
        try
        {
            outcome = await job.RunAsync(blobName, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            TriggerLog.ArticleFailed(logger, blobName, e.GetType().Name, e.Message);
            throw;
        }

        if (outcome.Kind == ParseOutcomeKind.InProgress)
        {
            throw new ParseInProgressException(blobName, outcome.Reason);
        }

        // One line per outcome, naming only what it has (no "(null)" for a quarantined file's article id).
        if (outcome is { Kind: ParseOutcomeKind.Parsed, ArticleId: { } articleId })
        {
            TriggerLog.ArticleParsed(logger, blobName, articleId);
        }
        else if (outcome.Reason is { } reason)
        {
            TriggerLog.ArticleNotParsed(logger, blobName, outcome.Kind.ToString(), reason);
        }
        else
        {
            TriggerLog.ArticleSkipped(logger, blobName, outcome.Kind.ToString());
        }
        foreach (var diagnostic in outcome.Diagnostics)
        {
            TriggerLog.ArticleDiagnostic(logger, blobName, diagnostic.Severity.ToString(), diagnostic.Code, diagnostic.Message);
        }

        return outcome;
    }
}
