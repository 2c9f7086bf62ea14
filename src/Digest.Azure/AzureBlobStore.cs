using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Digest.Azure.Blobs;
using Digest.Azure.Blobs.Models;
using Digest.Core.Storage;
using CoreBlobProperties = Digest.Core.Storage.BlobProperties;

namespace Digest.Azure;

/// <summary>
/// <see cref="IBlobStore"/> on Azure Blob Storage (or Azurite). Same contract as <see cref="FileSystemBlobStore"/>:
/// containers are created on first write (and remembered), create-once is If-None-Match: *, replace-this-version is
/// If-Match, and a failed condition is <see cref="BlobWriteResult.ConditionFailed"/>, not an exception. Reads of a
/// missing blob or container return null; listing a missing container yields nothing. ETags are the quoted header form.
/// Metadata names must be C# identifiers and values printable ASCII (an Azure rule; violations throw ArgumentException).
/// </summary>
public sealed class AzureBlobStore(BlobServiceClient service) : IBlobStore
{
    private readonly ConcurrentDictionary<string, bool> _ensuredContainers = new(StringComparer.Ordinal);

    public async Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var result = await Blob(container, name).DownloadContentAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return result is null ? null : new StoredBlob(ToCore(name, result.Details), result.Content);
    }

    public async Task<CoreBlobProperties?> GetPropertiesAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var properties = await Blob(container, name).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return properties is null ? null : ToCore(name, properties);
    }

    public async Task<BlobWriteResult> PutAsync(string container, string name, BinaryData content, BlobWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BlobWriteOptions();
        var blob = Blob(container, name);
        await EnsureContainerAsync(container, cancellationToken).ConfigureAwait(false);
        var upload = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = options.ContentType },
            Metadata = options.Metadata?.ToDictionary(StringComparer.Ordinal),
            Conditions = new BlobRequestConditions
            {
                IfNoneMatch = options.IfNoneMatchAny ? ETag.All : null,
                IfMatch = options.IfMatch is { } ifMatch ? new ETag(ifMatch) : null,
            },
        };

        try
        {
            var info = await blob.UploadAsync(content, upload, cancellationToken).ConfigureAwait(false);
            return BlobWriteResult.Success(info.ETag.ToString("H"));
        }
        catch (RequestFailedException e) when (IsConditionFailure(e, options))
        {
            return BlobWriteResult.ConditionFailed;
        }
        catch (RequestFailedException e) when (e.ErrorCode == "ContainerNotFound")
        {
            // Deleted behind our back since we created it: forget, recreate, and try once more.
            _ensuredContainers.TryRemove(container, out _);
            await EnsureContainerAsync(container, cancellationToken).ConfigureAwait(false);
            var info = await blob.UploadAsync(content, upload, cancellationToken).ConfigureAwait(false);
            return BlobWriteResult.Success(info.ETag.ToString("H"));
        }
    }

    public Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default) =>
        Blob(container, name).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    public async IAsyncEnumerable<CoreBlobProperties> ListAsync(string container, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var items = Container(container).GetBlobsAsync(prefix, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (items.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await items.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (RequestFailedException e) when (e.ErrorCode == "ContainerNotFound")
                {
                    yield break;
                }

                var item = items.Current;
                yield return new CoreBlobProperties(item.Name, item.Properties.ETag.ToString("H"), item.Properties.ContentLength, item.Properties.ContentType, item.Properties.LastModified, item.Metadata);
            }
        }
    }

    /// <summary>
    /// 409 BlobAlreadyExists answers If-None-Match: *; 412 ConditionNotMet answers a stale If-Match; If-Match on a
    /// missing blob is 404 BlobNotFound on some service versions. A lease conflict (412 LeaseIdMissing) is not a
    /// condition the caller asked for, so it still throws.
    /// </summary>
    private static bool IsConditionFailure(RequestFailedException e, BlobWriteOptions options) =>
        (options.IfNoneMatchAny && e.Status == 409 && e.ErrorCode == "BlobAlreadyExists")
        || (e.Status == 412 && e.ErrorCode == "ConditionNotMet")
        || (options.IfMatch is not null && e.Status == 404 && e.ErrorCode == "BlobNotFound");

    private async Task EnsureContainerAsync(string container, CancellationToken cancellationToken)
    {
        if (_ensuredContainers.ContainsKey(container))
        {
            return;
        }

        await Container(container).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        _ensuredContainers.TryAdd(container, true);
    }

    private BlobContainerClient Container(string container) =>
        BlobNames.IsValidContainer(container)
            ? service.GetBlobContainerClient(container)
            : throw new ArgumentException($"Invalid container name '{container}'.", nameof(container));

    private BlobClient Blob(string container, string name)
    {
        BlobNames.EnsureValid(name);
        return Container(container).GetBlobClient(name);
    }

    private static CoreBlobProperties ToCore(string name, Blobs.Models.BlobProperties p) =>
        new(name, p.ETag.ToString("H"), p.ContentLength, p.ContentType, p.LastModified, p.Metadata);
}
