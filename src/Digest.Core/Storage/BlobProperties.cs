namespace Digest.Core.Storage;

/// <summary>What a store knows about a blob besides its bytes.</summary>
/// <param name="Name">Blob name inside its container (forward slashes).</param>
/// <param name="ETag">Opaque version tag; changes on every write.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="ContentType">MIME type, when set.</param>
/// <param name="LastModified">Last write time.</param>
/// <param name="Metadata">User metadata (ASCII names and values).</param>
public sealed record BlobProperties(
    string Name,
    string ETag,
    long Length,
    string? ContentType,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Metadata);
