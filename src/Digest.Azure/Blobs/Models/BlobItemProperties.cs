using Azure;

namespace Digest.Azure.Blobs.Models;

/// <summary>Properties of a listed blob.</summary>
public sealed record BlobItemProperties(ETag ETag, DateTimeOffset LastModified, long ContentLength, string? ContentType);
