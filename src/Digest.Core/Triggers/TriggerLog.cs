using Microsoft.Extensions.Logging;

namespace Digest.Core.Triggers;

/// <summary>
/// The triggers' log lines (source-generated), the same in the Functions app and in `digest dev`. Never carries email
/// addresses or secrets; blob names are editors' file names.
/// </summary>
internal static partial class TriggerLog
{
    [LoggerMessage(10, LogLevel.Information, "ParseArticle {BlobName}: Parsed as article {ArticleId}")]
    public static partial void ArticleParsed(ILogger logger, string blobName, string articleId);

    [LoggerMessage(13, LogLevel.Information, "ParseArticle {BlobName}: {Outcome}: {Reason}")]
    public static partial void ArticleNotParsed(ILogger logger, string blobName, string outcome, string reason);

    [LoggerMessage(14, LogLevel.Information, "ParseArticle {BlobName}: {Outcome}")]
    public static partial void ArticleSkipped(ILogger logger, string blobName, string outcome);

    [LoggerMessage(11, LogLevel.Information, "ParseArticle {BlobName}: {Severity} {Code}: {Message}")]
    public static partial void ArticleDiagnostic(ILogger logger, string blobName, string severity, string code, string message);

    // One line, no stack trace: an outage makes every upload in flight fail at once, and each is delivered again.
    [LoggerMessage(12, LogLevel.Warning, "ParseArticle {BlobName}: failed ({Error}: {Message}); the trigger delivers it again")]
    public static partial void ArticleFailed(ILogger logger, string blobName, string error, string message);

    [LoggerMessage(20, LogLevel.Information, "BuildDigest for {Day} ({TimeZone})")]
    public static partial void BuildStarted(ILogger logger, string day, string timeZone);

    [LoggerMessage(21, LogLevel.Information, "BuildDigest {Day}: digest {DigestId} created {Created}, {Stories} stories ({MergedStories} merged) from {Articles} articles, {Batches} batches for {Recipients} recipients")]
    public static partial void DigestBuilt(ILogger logger, string day, string digestId, bool created, int stories, int mergedStories, int articles, int batches, int recipients);

    [LoggerMessage(30, LogLevel.Information, "SendDigest batch {BatchId} of digest {DigestId} (dequeue {DequeueCount}): sending to {Recipients} subscribers")]
    public static partial void BatchReceived(ILogger logger, string batchId, string digestId, long dequeueCount, int recipients);

    [LoggerMessage(31, LogLevel.Information, "SendDigest batch {BatchId} (dequeue {DequeueCount}): sent {Sent}, already sent {AlreadySent}, skipped {Skipped}, failed {Failed}")]
    public static partial void BatchSent(ILogger logger, string batchId, long dequeueCount, int sent, int alreadySent, int skipped, int failed);

    [LoggerMessage(32, LogLevel.Error, "SendDigest: unusable message {MessageId} parked at {Container}/{BlobName}: {Problem}")]
    public static partial void MessageParked(ILogger logger, string messageId, string container, string blobName, string problem);

    [LoggerMessage(33, LogLevel.Warning, "SendDigest batch {BatchId} failed on delivery {DequeueCount} of {Max} ({Error}: {Message}); it will be retried")]
    public static partial void BatchFailed(ILogger logger, string batchId, long dequeueCount, int max, string error, string message);

    [LoggerMessage(34, LogLevel.Error, "SendDigest batch {BatchId} failed on its last delivery ({DequeueCount}); it goes to {PoisonQueue} and is not retried (`digest send` enqueues it again)")]
    public static partial void BatchFailedForGood(ILogger logger, Exception exception, string batchId, long dequeueCount, string poisonQueue);
}
