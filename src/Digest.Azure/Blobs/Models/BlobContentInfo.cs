using Azure;

namespace Digest.Azure.Blobs.Models;

/// <summary>What a successful write returns.</summary>
public sealed record BlobContentInfo(ETag ETag, DateTimeOffset LastModified);
