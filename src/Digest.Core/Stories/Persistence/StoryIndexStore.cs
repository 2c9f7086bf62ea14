using Digest.Core.Json;
using Digest.Core.Storage;

namespace Digest.Core.Stories.Persistence;

/// <summary>Reads and conditionally writes state/stories/index.json (optimistic concurrency on the ETag).</summary>
internal sealed class StoryIndexStore(IBlobStore store)
{
    public const string BlobName = Containers.StoryIndex;

    public async Task<(StoryIndexDocument Index, string? ETag)> LoadAsync(CancellationToken cancellationToken)
    {
        var (index, etag) = await store.ReadAsync(Containers.State, BlobName, DigestJsonContext.Stored.StoryIndexDocument, cancellationToken);
        if (etag is null)
        {
            return (new StoryIndexDocument([]), null);
        }

        // A corrupt index is an infrastructure fault (someone edited state by hand): fail loudly so the host retries
        // or an operator looks, rather than silently forgetting every developing story.
        return (index ?? throw new InvalidDataException($"{Containers.State}/{BlobName} holds no index."), etag);
    }

    /// <summary>Writes only if the index is still the version read (or still absent); false when someone else won.</summary>
    public async Task<bool> TrySaveAsync(StoryIndexDocument index, string? etag, CancellationToken cancellationToken)
    {
        var condition = etag is null ? BlobWriteOptions.CreateOnly() : new BlobWriteOptions { IfMatch = etag };
        var result = await store.WriteAsync(Containers.State, BlobName, index, DigestJsonContext.Stored.StoryIndexDocument, condition, cancellationToken);
        return result.Written;
    }
}
