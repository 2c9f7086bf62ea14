using Digest.Azure.Blobs.Models;

namespace Digest.Azure.Blobs;

/// <summary>One page of List Blobs: its items and the marker of the next page (null on the last).</summary>
internal sealed record BlobListPage(IReadOnlyList<BlobItem> Items, string? NextMarker);
