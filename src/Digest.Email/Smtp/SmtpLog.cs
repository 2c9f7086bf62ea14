using Microsoft.Extensions.Logging;

namespace Digest.Email.Smtp;

/// <summary>Source-generated log messages (subscriber keys, never addresses).</summary>
internal static partial class SmtpLog
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Warning, Message = "SMTP send to {SubscriberKey} failed ({Reason}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string subscriberKey, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "SMTP server rejected {SubscriberKey} for good: {Status}")]
    public static partial void Rejected(ILogger logger, string subscriberKey, string status);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "SMTP sent {Sent} of {Recipients} messages of batch {BatchId}")]
    public static partial void Sent(ILogger logger, int sent, int recipients, string batchId);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Error, Message = "SMTP failed for batch {BatchId} after {Accepted} messages were accepted; {Remaining} are returned as not sent: {Reason}")]
    public static partial void PartialFailure(ILogger logger, string batchId, int accepted, int remaining, string reason);
}
