namespace Digest.Functions.Invocation;

/// <summary>The handler's structured log messages (source-generated). Never carries email addresses or secrets.</summary>
internal static partial class HandlerLog
{
    [LoggerMessage(1, LogLevel.Warning, "{FunctionName}: malformed invocation payload: {Problem}")]
    public static partial void MalformedInvocation(ILogger logger, string functionName, string problem);

    [LoggerMessage(2, LogLevel.Warning, "{FunctionName}: invocation cancelled by the host")]
    public static partial void Cancelled(ILogger logger, string functionName);

    [LoggerMessage(3, LogLevel.Error, "{FunctionName} failed; the host will retry")]
    public static partial void Failed(ILogger logger, Exception exception, string functionName);

    [LoggerMessage(10, LogLevel.Information, "ParseArticle {BlobName}: {Outcome} {ArticleId} {Reason}")]
    public static partial void ArticleHandled(ILogger logger, string blobName, string outcome, string? articleId, string? reason);

    [LoggerMessage(20, LogLevel.Information, "BuildDigest for {Day}: past due {IsPastDue}, last run {LastRun}, next run {NextRun}")]
    public static partial void TimerFired(ILogger logger, DateOnly day, bool isPastDue, string? lastRun, string? nextRun);

    [LoggerMessage(21, LogLevel.Information, "BuildDigest {Day}: created {Created}, {Stories} stories from {Articles} articles, {Batches} batches for {Recipients} recipients")]
    public static partial void DigestBuilt(ILogger logger, DateOnly day, bool created, int stories, int articles, int batches, int recipients);

    [LoggerMessage(30, LogLevel.Information, "SendDigest batch {BatchId} (dequeue {DequeueCount}): sent {Sent}, already sent {AlreadySent}, skipped {Skipped}, failed {Failed}")]
    public static partial void BatchSent(ILogger logger, string batchId, string? dequeueCount, int sent, int alreadySent, int skipped, int failed);

    [LoggerMessage(31, LogLevel.Error, "SendDigest: unusable message {MessageId} parked at {Container}/{BlobName}: {Problem}")]
    public static partial void MessageParked(ILogger logger, string messageId, string container, string blobName, string problem);

    [LoggerMessage(40, LogLevel.Information, "Unsubscribe {Method}: {Result} for subscriber {SubscriberKey} on list {ListId}")]
    public static partial void Unsubscribe(ILogger logger, string method, string result, string subscriberKey, string listId);

    [LoggerMessage(41, LogLevel.Warning, "Unsubscribe {Method}: rejected ({Problem})")]
    public static partial void UnsubscribeRejected(ILogger logger, string method, string problem);
}
