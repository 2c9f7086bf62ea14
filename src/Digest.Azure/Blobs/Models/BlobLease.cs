using Azure;

namespace Digest.Azure.Blobs.Models;

/// <summary>Result of a lease operation.</summary>
/// <param name="LeaseId">The lease id (null after Break).</param>
/// <param name="LeaseTime">Seconds until a broken lease ends (Break only).</param>
public sealed record BlobLease(ETag ETag, DateTimeOffset LastModified, string? LeaseId, int? LeaseTime);
