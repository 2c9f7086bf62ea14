using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Digest.Core.Storage;
using CoreBlobProperties = Digest.Core.Storage.BlobProperties;

namespace Digest.Azure;

/// <summary>
/// <see cref="IBlobStore"/> on Azure Blob Storage (or Azurite) through the official SDK. Same contract as
/// <see cref="FileSystemBlobStore"/>: containers are created on first write (and remembered), create-once is
/// <c>IfNoneMatch = ETag.All</c>, replace-this-version is <c>IfMatch</c>, and a failed condition is
/// <see cref="BlobWriteResult.ConditionFailed"/>, not an exception. Reads of a missing blob or container return null;
/// listing a missing container yields nothing. ETags are the quoted header form. Metadata names must be C#
/// identifiers and values printable ASCII (an Azure rule, checked before sending: violations throw ArgumentException).
/// </summary>
public sealed class AzureBlobStore(BlobServiceClient service) : IBlobStore
{
    private readonly ConcurrentDictionary<string, bool> _ensuredContainers = new(StringComparer.Ordinal);

    /// <summary>Blobs per listing page (null: the service's default, up to 5000). Small values let tests cross pages.</summary>
    internal int? PageSizeHint { get; init; }

    public async Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var blob = Blob(container, name);
        try
        {
            BlobDownloadResult result = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var d = result.Details;
            return new StoredBlob(new CoreBlobProperties(name, d.ETag.ToString("H"), d.ContentLength, d.ContentType, d.LastModified, d.Metadata.AsReadOnly()), result.Content);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<CoreBlobProperties?> GetPropertiesAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var blob = Blob(container, name);
        try
        {
            global::Azure.Storage.Blobs.Models.BlobProperties p = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return new CoreBlobProperties(name, p.ETag.ToString("H"), p.ContentLength, p.ContentType, p.LastModified, p.Metadata.AsReadOnly());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<BlobWriteResult> PutAsync(string container, string name, BinaryData content, BlobWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BlobWriteOptions();
        var blob = Blob(container, name);
        BlobMetadataRules.EnsureValid(options.Metadata);
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
            return await UploadAsync(blob, content, upload, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (IsConditionFailure(e, options))
        {
            return BlobWriteResult.ConditionFailed;
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // Deleted behind our back since we created it: forget, recreate, and try once more.
            _ensuredContainers.TryRemove(container, out _);
            await EnsureContainerAsync(container, cancellationToken).ConfigureAwait(false);
            try
            {
                return await UploadAsync(blob, content, upload, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException again) when (IsConditionFailure(again, options))
            {
                return BlobWriteResult.ConditionFailed;
            }
        }
    }

    public async Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var blob = Blob(container, name);
        try
        {
            return await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<CoreBlobProperties> ListAsync(string container, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var listing = new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = prefix };
        var pages = Container(container).GetBlobsAsync(listing, cancellationToken).AsPages(pageSizeHint: PageSizeHint).GetAsyncEnumerator(cancellationToken);
        await using (pages.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await pages.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
                {
                    yield break;
                }

                foreach (var item in pages.Current.Values)
                {
                    var p = item.Properties;
                    yield return new CoreBlobProperties(item.Name, p.ETag!.Value.ToString("H"), p.ContentLength ?? 0, p.ContentType, p.LastModified ?? default, (item.Metadata ?? new Dictionary<string, string>()).AsReadOnly());
                }
            }
        }
    }

    private static async Task<BlobWriteResult> UploadAsync(BlobClient blob, BinaryData content, BlobUploadOptions upload, CancellationToken cancellationToken)
    {
        BlobContentInfo info = await blob.UploadAsync(content, upload, cancellationToken).ConfigureAwait(false);
        return BlobWriteResult.Success(info.ETag.ToString("H"));
    }

    /// <summary>
    /// 409 BlobAlreadyExists answers IfNoneMatch = ETag.All; 412 ConditionNotMet answers a stale IfMatch; IfMatch on a
    /// missing blob is 404 BlobNotFound on some service versions. A lease conflict (412 LeaseIdMissing) is not a
    /// condition the caller asked for, so it still throws.
    /// </summary>
    private static bool IsConditionFailure(RequestFailedException e, BlobWriteOptions options) =>
        (options.IfNoneMatchAny && e.Status == 409 && e.ErrorCode == BlobErrorCode.BlobAlreadyExists)
        || (e.Status == 412 && e.ErrorCode == BlobErrorCode.ConditionNotMet)
        || (options.IfMatch is not null && e.Status == 404 && e.ErrorCode == BlobErrorCode.BlobNotFound);

    private async Task EnsureContainerAsync(string container, CancellationToken cancellationToken)
    {
        if (_ensuredContainers.ContainsKey(container))
        {
            return;
        }

        await Container(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
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
}
