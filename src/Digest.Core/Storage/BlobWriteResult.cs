namespace Digest.Core.Storage;

/// <summary>Result of a write: the new ETag, or a failed precondition.</summary>
public sealed record BlobWriteResult(bool Written, string? ETag)
{
    public static BlobWriteResult ConditionFailed { get; } = new(false, null);

    public static BlobWriteResult Success(string etag) => new(true, etag);
}
