namespace Digest.Core.Storage;

/// <summary>Options for <see cref="IBlobStore.PutAsync"/>.</summary>
public sealed record BlobWriteOptions
{
    /// <summary>MIME type stored with the blob. Default: application/octet-stream.</summary>
    public string? ContentType { get; init; }

    /// <summary>Only create: fail with ConditionFailed if the blob exists (If-None-Match: *).</summary>
    public bool IfNoneMatchAny { get; init; }

    /// <summary>Only replace this version (If-Match).</summary>
    public string? IfMatch { get; init; }

    /// <summary>User metadata.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    public static BlobWriteOptions CreateOnly(string? contentType = null) => new() { IfNoneMatchAny = true, ContentType = contentType };
}
