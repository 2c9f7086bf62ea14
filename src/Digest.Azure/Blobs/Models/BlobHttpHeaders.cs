namespace Digest.Azure.Blobs.Models;

/// <summary>Standard HTTP properties stored with a blob (subset of the official type).</summary>
public sealed class BlobHttpHeaders
{
    /// <summary>MIME type; the service stores application/octet-stream when none is given.</summary>
    public string? ContentType { get; set; }
}
