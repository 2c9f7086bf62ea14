using System.Net;
using Microsoft.Extensions.Logging;

namespace Digest.Email.SendGrid;

/// <summary>Source-generated log messages (no addresses, no key).</summary>
internal static partial class SendGridLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "SendGrid attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "SendGrid accepted {Recipients} recipients of batch {BatchId} ({Status}, message {MessageId}, {Bytes} bytes)")]
    public static partial void Accepted(ILogger logger, int recipients, string batchId, HttpStatusCode status, string? messageId, int bytes);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "SendGrid rejected {Recipients} recipients of batch {BatchId}: {Reason}")]
    public static partial void Rejected(ILogger logger, int recipients, string batchId, string reason);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Error, Message = "SendGrid failed for batch {BatchId} after {Accepted} recipients were accepted; {Remaining} are returned as not sent: {Reason}")]
    public static partial void PartialFailure(ILogger logger, string batchId, int accepted, int remaining, string reason);
}
