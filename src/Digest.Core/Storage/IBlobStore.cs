namespace Digest.Core.Storage;

/// <summary>
/// The one storage seam of the core: named containers of blobs. Two real implementations:
/// the file system (a folder per container, the embedded default) and Azure Blob Storage.
/// Infrastructure failures throw (so a host can retry); a failed condition is a result, not an exception.
/// </summary>
public interface IBlobStore
{
    /// <summary>Reads a blob, or null when it does not exist.</summary>
    Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken = default);

    /// <summary>Reads only a blob's properties, or null when it does not exist.</summary>
    Task<BlobProperties?> GetPropertiesAsync(string container, string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a blob. With <see cref="BlobWriteOptions.IfNoneMatchAny"/> it only creates (create-once);
    /// with <see cref="BlobWriteOptions.IfMatch"/> it only replaces that version. Creates the container if needed.
    /// </summary>
    /// <returns>Written with the new ETag, or <see cref="BlobWriteResult.ConditionFailed"/>.</returns>
    Task<BlobWriteResult> PutAsync(string container, string name, BinaryData content, BlobWriteOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a blob; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default);

    /// <summary>Lists blobs whose names start with the prefix, in name order, streamed page by page.</summary>
    IAsyncEnumerable<BlobProperties> ListAsync(string container, string? prefix = null, CancellationToken cancellationToken = default);
}
