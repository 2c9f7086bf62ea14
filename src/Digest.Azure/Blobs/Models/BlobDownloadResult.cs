namespace Digest.Azure.Blobs.Models;

/// <summary>A downloaded blob: its bytes and its properties.</summary>
public sealed record BlobDownloadResult(BinaryData Content, BlobProperties Details);
