namespace Digest.Azure.Blobs.Models;

/// <summary>Options for <see cref="BlobClient.UploadAsync"/>.</summary>
public sealed class BlobUploadOptions
{
    public BlobHttpHeaders? HttpHeaders { get; set; }

    /// <summary>User metadata: names are C# identifiers, values printable ASCII (sent as x-ms-meta-* headers).</summary>
    public IDictionary<string, string>? Metadata { get; set; }

    public BlobRequestConditions? Conditions { get; set; }
}
