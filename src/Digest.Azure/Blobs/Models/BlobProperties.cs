using Azure;

namespace Digest.Azure.Blobs.Models;

/// <summary>A blob's system properties and metadata (from Get Blob / Get Blob Properties headers).</summary>
/// <param name="Metadata">Case-insensitive names, as HTTP headers are.</param>
public sealed record BlobProperties(
    ETag ETag,
    DateTimeOffset LastModified,
    long ContentLength,
    string? ContentType,
    IReadOnlyDictionary<string, string> Metadata,
    LeaseState LeaseState);
