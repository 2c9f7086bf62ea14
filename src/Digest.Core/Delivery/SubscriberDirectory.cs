using System.Runtime.CompilerServices;
using System.Text.Json;
using Digest.Core.Json;
using Digest.Core.Storage;

namespace Digest.Core.Delivery;

/// <summary>Subscriber records in the store: subscribers/&lt;key&gt;.json, one blob each.</summary>
public sealed class SubscriberDirectory(IBlobStore store)
{
    public async Task<Subscriber?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var blob = await store.GetAsync(Containers.Subscribers, key + ".json", cancellationToken).ConfigureAwait(false);
        return blob is null ? null : JsonSerializer.Deserialize(blob.Content.ToMemory().Span, DigestJsonContext.Stored.Subscriber);
    }

    public Task PutAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        store.PutAsync(
            Containers.Subscribers,
            subscriber.Key + ".json",
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(subscriber, DigestJsonContext.Stored.Subscriber)),
            new BlobWriteOptions { ContentType = "application/json" },
            cancellationToken);

    public async IAsyncEnumerable<Subscriber> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var blob in store.ListAsync(Containers.Subscribers, null, cancellationToken).ConfigureAwait(false))
        {
            if (!blob.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            var subscriber = await GetAsync(blob.Name[..^5], cancellationToken).ConfigureAwait(false);
            if (subscriber is not null)
            {
                yield return subscriber;
            }
        }
    }
}
