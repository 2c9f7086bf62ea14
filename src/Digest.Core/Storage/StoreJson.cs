using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Digest.Core.Storage;

/// <summary>Typed JSON reads and writes over a blob store (always with the one source-generated context).</summary>
public static class StoreJson
{
    public static async Task<(T? Value, string? ETag)> ReadAsync<T>(this IBlobStore store, string container, string name, JsonTypeInfo<T> type, CancellationToken cancellationToken = default)
        where T : class
    {
        var blob = await store.GetAsync(container, name, cancellationToken).ConfigureAwait(false);
        return blob is null ? (null, null) : (JsonSerializer.Deserialize(blob.Content.ToMemory().Span, type), blob.Properties.ETag);
    }

    public static Task<BlobWriteResult> WriteAsync<T>(this IBlobStore store, string container, string name, T value, JsonTypeInfo<T> type, BlobWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        store.PutAsync(
            container,
            name,
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(value, type)),
            (options ?? new BlobWriteOptions()) with { ContentType = "application/json" },
            cancellationToken);
}
