using System.Runtime.CompilerServices;
using Digest.Core.Json;
using Digest.Core.Storage;

namespace Digest.Core.Delivery;

/// <summary>Subscriber records in the store: subscribers/&lt;key&gt;.json, one blob each.</summary>
public sealed class SubscriberDirectory(IBlobStore store)
{
    public async Task<Subscriber?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        (await ReadAsync(key, cancellationToken).ConfigureAwait(false)).Subscriber;

    /// <summary>A record and its version (ETag), for a guarded <see cref="TryPutAsync"/>; (null, null) when there is none.</summary>
    public Task<(Subscriber? Subscriber, string? ETag)> ReadAsync(string key, CancellationToken cancellationToken = default) =>
        store.ReadAsync(Containers.Subscribers, key + ".json", DigestJsonContext.Stored.Subscriber, cancellationToken);

    /// <summary>
    /// Writes the record only if it is still the version read (<paramref name="etag"/>), or, with a null ETag, only if
    /// there is none yet. False when another writer came first: read again and decide again.
    /// </summary>
    public async Task<bool> TryPutAsync(Subscriber subscriber, string? etag, CancellationToken cancellationToken = default)
    {
        var condition = etag is null ? BlobWriteOptions.CreateOnly() : new BlobWriteOptions { IfMatch = etag };
        var result = await store.WriteAsync(Containers.Subscribers, subscriber.Key + ".json", subscriber, DigestJsonContext.Stored.Subscriber, condition, cancellationToken).ConfigureAwait(false);
        return result.Written;
    }

    public Task PutAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        store.WriteAsync(Containers.Subscribers, subscriber.Key + ".json", subscriber, DigestJsonContext.Stored.Subscriber, cancellationToken: cancellationToken);

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
