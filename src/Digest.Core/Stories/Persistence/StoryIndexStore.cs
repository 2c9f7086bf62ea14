using System.Text.Json;
using Digest.Core.Json;
using Digest.Core.Storage;

namespace Digest.Core.Stories.Persistence;

/// <summary>Reads and conditionally writes state/stories/index.json (optimistic concurrency on the ETag).</summary>
internal sealed class StoryIndexStore(IBlobStore store)
{
    public const string BlobName = "stories/index.json";

    public async Task<(StoryIndexDocument Index, string? ETag)> LoadAsync(CancellationToken cancellationToken)
    {
        var blob = await store.GetAsync(Containers.State, BlobName, cancellationToken);
        if (blob is null)
        {
            return (new StoryIndexDocument([]), null);
        }

        // A corrupt index is an infrastructure fault (someone edited state by hand): fail loudly so the host retries
        // or an operator looks, rather than silently forgetting every developing story.
        var index = JsonSerializer.Deserialize(blob.Content.ToMemory().Span, DigestJsonContext.Stored.StoryIndexDocument)
            ?? throw new InvalidDataException($"{Containers.State}/{BlobName} holds no index.");
        return (index, blob.Properties.ETag);
    }

    /// <summary>Writes only if the index is still the version read (or still absent); false when someone else won.</summary>
    public async Task<bool> TrySaveAsync(StoryIndexDocument index, string? etag, CancellationToken cancellationToken)
    {
        var content = BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(index, DigestJsonContext.Stored.StoryIndexDocument));
        var options = etag is null
            ? BlobWriteOptions.CreateOnly("application/json")
            : new BlobWriteOptions { IfMatch = etag, ContentType = "application/json" };
        var result = await store.PutAsync(Containers.State, BlobName, content, options, cancellationToken);
        return result.Written;
    }
}
