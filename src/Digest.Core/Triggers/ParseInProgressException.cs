namespace Digest.Core.Triggers;

/// <summary>
/// The upload is being parsed by another instance (its claim has not expired): thrown by
/// <see cref="ArticleUploadTrigger"/> so the trigger delivers it again (Event Grid redelivers; `digest dev` looks at
/// it again next cycle). By then the receipt stops it, or the claim has expired (the other instance died) and this
/// one parses it.
/// </summary>
public sealed class ParseInProgressException(string blobName, string? holder)
    : Exception($"{blobName} is being parsed by another instance ({holder ?? "claimed"}); the trigger retries it.");
