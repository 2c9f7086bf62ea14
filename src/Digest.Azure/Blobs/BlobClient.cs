using Azure;
using Azure.Core;
using Digest.Azure.Blobs.Models;
using Digest.Azure.Blobs.Specialized;
using Digest.Azure.Pipeline;

namespace Digest.Azure.Blobs;

/// <summary>
/// One block blob, named like the official client. Differences, so the one consumer (the blob store) stays simple:
/// <see cref="DownloadContentAsync"/> and <see cref="GetPropertiesAsync"/> return null for a missing blob or
/// container instead of throwing 404, and delete is only offered as <see cref="DeleteIfExistsAsync"/>. Failed
/// conditions on upload throw <see cref="RequestFailedException"/> (409 BlobAlreadyExists for If-None-Match: *,
/// 412 ConditionNotMet for If-Match), exactly like the official client.
/// </summary>
public class BlobClient
{
    private readonly StorageRestPipeline _pipeline = null!;
    private readonly BlobClientOptions _options = null!;

    internal BlobClient(Uri uri, string containerName, string name, StorageRestPipeline pipeline, BlobClientOptions options)
    {
        Uri = uri;
        BlobContainerName = containerName;
        Name = name;
        _pipeline = pipeline;
        _options = options;
    }

    /// <summary>For mocking.</summary>
    protected BlobClient()
    {
        Uri = new Uri("https://mock.blob.core.windows.net/mock/mock");
        BlobContainerName = "mock";
        Name = "mock";
    }

    public Uri Uri { get; }

    public string BlobContainerName { get; }

    public string Name { get; }

    internal StorageRestPipeline Pipeline => _pipeline;

    /// <summary>Put Blob (block blob) in one request; bodies over <see cref="BlobClientOptions.MaxSingleUploadBytes"/> are refused.</summary>
    public virtual async Task<BlobContentInfo> UploadAsync(BinaryData content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var length = content.ToMemory().Length;
        var limit = Math.Min(_options.MaxSingleUploadBytes, BlobClientOptions.ServiceMaxPutBlobBytes);
        if (length > limit)
        {
            throw new ArgumentException($"Blob '{Name}' is {length} bytes; this client uploads at most {limit} bytes in one request (BlobClientOptions.MaxSingleUploadBytes).", nameof(content));
        }

        using var message = _pipeline.CreateMessage(RequestMethod.Put, Uri, [201]);
        var request = message.Request;
        request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        request.Headers.SetValue(HttpHeader.Names.ContentType, options?.HttpHeaders?.ContentType ?? "application/octet-stream");
        BlobHeaders.ApplyMetadata(request, options?.Metadata);
        BlobHeaders.ApplyConditions(request, options?.Conditions);
        request.Content = RequestContent.Create(content);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return new BlobContentInfo(BlobHeaders.ReadETag(response), BlobHeaders.ReadLastModified(response));
    }

    /// <summary>Get Blob: the whole content with properties and metadata, or null when the blob does not exist.</summary>
    public virtual async Task<BlobDownloadResult?> DownloadContentAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, Uri, [200, 404]);
        BlobHeaders.ApplyConditions(message.Request, conditions);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404)
        {
            return null;
        }

        // Copy out of the buffered response before the message (and its stream) is disposed.
        var content = BinaryData.FromBytes(response.Content.ToArray());
        return new BlobDownloadResult(content, BlobHeaders.ReadProperties(response));
    }

    /// <summary>Get Blob Properties (HEAD), or null when the blob does not exist.</summary>
    public virtual async Task<BlobProperties?> GetPropertiesAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Head, Uri, [200, 404]);
        BlobHeaders.ApplyConditions(message.Request, conditions);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status == 404 ? null : BlobHeaders.ReadProperties(response);
    }

    /// <summary>Delete Blob; false when it did not exist. A leased blob needs the lease id in the conditions.</summary>
    public virtual async Task<bool> DeleteIfExistsAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, Uri, [202, 404]);
        BlobHeaders.ApplyConditions(message.Request, conditions);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status == 202;
    }

    /// <summary>A lease client for this blob (the official client has this as an extension method).</summary>
    public virtual BlobLeaseClient GetBlobLeaseClient(string? leaseId = null) => new(this, leaseId);
}
