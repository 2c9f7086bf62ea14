namespace Digest.Azure.Blobs.Models;

/// <summary>One entry of a List Blobs result.</summary>
public sealed record BlobItem(string Name, BlobItemProperties Properties, IReadOnlyDictionary<string, string> Metadata);
