namespace Digest.Core.Storage;

/// <summary>A blob's content with its properties.</summary>
public sealed record StoredBlob(BlobProperties Properties, BinaryData Content);
