using Microsoft.Extensions.Logging;

namespace Digest.Functions;

/// <summary>
/// The functions' own structured log messages (source-generated); what the triggers log is Core's (Triggers/TriggerLog),
/// the same in `digest dev`. Never carries email addresses or secrets.
/// </summary>
internal static partial class FunctionsLog
{
    [LoggerMessage(12, LogLevel.Error, "ParseArticle: ignored an event for {Container}/{BlobName}: not the articles container")]
    public static partial void EventForOtherContainer(ILogger logger, string container, string blobName);

    [LoggerMessage(20, LogLevel.Information, "BuildDigest timer: past due {IsPastDue}, last run {LastRun}, next run {NextRun}")]
    public static partial void TimerFired(ILogger logger, bool isPastDue, DateTime? lastRun, DateTime? nextRun);

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
