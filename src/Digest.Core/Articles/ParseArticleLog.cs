using Microsoft.Extensions.Logging;

namespace Digest.Core.Articles;

/// <summary>Source-generated log messages of <see cref="ParseArticleJob"/>. Blob names are editors' file names, not personal data.</summary>
internal static partial class ParseArticleLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Parsed {BlobName} ({Format}) as article {ArticleId} for {Day} with {WarningCount} warning(s)")]
    public static partial void Parsed(ILogger logger, string blobName, ArticleFormat format, string articleId, DateOnly day, int warningCount);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Quarantined {BlobName}: {Code}: {Reason}")]
    public static partial void Quarantined(ILogger logger, string blobName, string code, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "Skipped {BlobName}: version {ETag} was already processed")]
    public static partial void AlreadyProcessed(ILogger logger, string blobName, string etag);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Skipped {BlobName}: the blob does not exist (deleted after the trigger fired?)")]
    public static partial void Missing(ILogger logger, string blobName);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Receipt for {BlobName} version {ETag} was written by a concurrent run; both wrote the same output")]
    public static partial void ReceiptRace(ILogger logger, string blobName, string etag);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Information, Message = "Skipped {BlobName}: version {ETag} is being parsed by {Owner} (claim until {ExpiresAt:O})")]
    public static partial void InProgress(ILogger logger, string blobName, string etag, string owner, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Warning, Message = "Took over the expired claim of {Owner} on {BlobName} version {ETag} (its parse did not finish)")]
    public static partial void ClaimTakenOver(ILogger logger, string blobName, string etag, string owner);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Moved the earlier quarantine entry of {BlobName} aside (kept): its new version parsed")]
    public static partial void QuarantineCleared(ILogger logger, string blobName);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Information, Message = "New version of {BlobName}: article {NewArticleId} replaces {OldArticleId} in the day")]
    public static partial void ArticleReplaced(ILogger logger, string blobName, string oldArticleId, string newArticleId);
}
