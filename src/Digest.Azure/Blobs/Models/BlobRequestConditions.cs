using Azure;

namespace Digest.Azure.Blobs.Models;

/// <summary>
/// Conditions on a blob request: If-Match / If-None-Match (use <see cref="ETag.All"/> for "only if absent"),
/// If-Modified-Since / If-Unmodified-Since, and the lease id a leased blob requires for writes.
/// </summary>
public sealed class BlobRequestConditions : RequestConditions
{
    public string? LeaseId { get; set; }
}
