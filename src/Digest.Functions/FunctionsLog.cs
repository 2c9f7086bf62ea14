using Microsoft.Extensions.Logging;

namespace Digest.Functions;

/// <summary>The functions' structured log messages (source-generated). Never carries email addresses or secrets.</summary>
internal static partial class FunctionsLog
{
    [LoggerMessage(10, LogLevel.Information, "ParseArticle {BlobName}: {Outcome} {ArticleId} {Reason}")]
    public static partial void ArticleHandled(ILogger logger, string blobName, string outcome, string? articleId, string? reason);

    [LoggerMessage(11, LogLevel.Information, "ParseArticle {BlobName}: {Severity} {Code}: {Message}")]
    public static partial void ArticleDiagnostic(ILogger logger, string blobName, string severity, string code, string message);

    [LoggerMessage(12, LogLevel.Error, "ParseArticle: ignored an event for {Container}/{BlobName}: not a valid article blob name")]
    public static partial void ArticleNameRejected(ILogger logger, string container, string blobName);

    [LoggerMessage(20, LogLevel.Information, "BuildDigest for {Day} ({TimeZone}): past due {IsPastDue}, last run {LastRun}, next run {NextRun}")]
    public static partial void TimerFired(ILogger logger, string day, string timeZone, bool isPastDue, DateTime? lastRun, DateTime? nextRun);

    [LoggerMessage(21, LogLevel.Information, "BuildDigest {Day}: digest {DigestId} created {Created}, {Stories} stories ({MergedStories} merged) from {Articles} articles, {Batches} batches for {Recipients} recipients")]
    public static partial void DigestBuilt(ILogger logger, string day, string digestId, bool created, int stories, int mergedStories, int articles, int batches, int recipients);

    [LoggerMessage(30, LogLevel.Information, "SendDigest batch {BatchId} of digest {DigestId} (dequeue {DequeueCount}): sending to {Recipients} subscribers")]
    public static partial void BatchReceived(ILogger logger, string batchId, string digestId, long dequeueCount, int recipients);

    [LoggerMessage(31, LogLevel.Information, "SendDigest batch {BatchId} (dequeue {DequeueCount}): sent {Sent}, already sent {AlreadySent}, skipped {Skipped}, failed {Failed}")]
    public static partial void BatchSent(ILogger logger, string batchId, long dequeueCount, int sent, int alreadySent, int skipped, int failed);

    [LoggerMessage(32, LogLevel.Error, "SendDigest: unusable message {MessageId} parked at {Container}/{BlobName}: {Problem}")]
    public static partial void MessageParked(ILogger logger, string messageId, string container, string blobName, string problem);

    [LoggerMessage(40, LogLevel.Information, "Unsubscribe {Method}: {Result} for subscriber {SubscriberKey} on list {ListId}")]
    public static partial void Unsubscribe(ILogger logger, string method, string result, string subscriberKey, string listId);

    [LoggerMessage(41, LogLevel.Warning, "Unsubscribe {Method}: rejected ({Problem})")]
    public static partial void UnsubscribeRejected(ILogger logger, string method, string problem);

    [LoggerMessage(42, LogLevel.Error, "Unsubscribe {Method}: the subscriber store failed; answered 500 so the mail provider retries")]
    public static partial void UnsubscribeFailed(ILogger logger, Exception exception, string method);

    [LoggerMessage(50, LogLevel.Error, "Subscribe {Method}: the store or the email provider failed; answered 503")]
    public static partial void SubscribeFailed(ILogger logger, Exception exception, string method);

    [LoggerMessage(60, LogLevel.Warning, "SendGridEvents: answered {Status} ({Problem}); nothing changed")]
    public static partial void EventsRejected(ILogger logger, int status, string problem);

    [LoggerMessage(61, LogLevel.Information, "SendGridEvents: {Events} events, {Recorded} recorded, {Duplicates} duplicates, {Suppressed} subscribers changed")]
    public static partial void EventsHandled(ILogger logger, int events, int recorded, int duplicates, int suppressed);

    [LoggerMessage(62, LogLevel.Error, "SendGridEvents: the store failed; answered 503 so SendGrid retries the batch")]
    public static partial void EventsFailed(ILogger logger, Exception exception);
}
