using System.Runtime.CompilerServices;
using Azure;
using Azure.Core;
using Digest.Azure.Blobs.Models;
using Digest.Azure.Pipeline;

namespace Digest.Azure.Blobs;

/// <summary>One container: create, delete, list blobs, and blob clients (named like the official client).</summary>
public class BlobContainerClient
{
    private readonly StorageRestPipeline _pipeline = null!;
    private readonly BlobClientOptions _options = null!;

    internal BlobContainerClient(Uri uri, string name, StorageRestPipeline pipeline, BlobClientOptions options)
    {
        Uri = uri;
        Name = name;
        _pipeline = pipeline;
        _options = options;
    }

    /// <summary>For mocking.</summary>
    protected BlobContainerClient()
    {
        Uri = new Uri("https://mock.blob.core.windows.net/mock");
        Name = "mock";
    }

    public Uri Uri { get; }

    public string Name { get; }

    public virtual BlobClient GetBlobClient(string blobName) =>
        new(BlobHeaders.Append(Uri, BlobHeaders.EscapeName(blobName)), Name, blobName, _pipeline, _options);

    /// <summary>Creates the container (private access); false when it already exists.</summary>
    public virtual async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = ContainerMessage(RequestMethod.Put, [201, 409]);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 409 && StorageRestPipeline.ErrorCode(response) != "ContainerAlreadyExists")
        {
            throw StorageRestPipeline.Failure(response); // e.g. ContainerBeingDeleted: let the caller retry later.
        }

        return response.Status == 201;
    }

    /// <summary>Deletes the container; false when it did not exist.</summary>
    public virtual async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = ContainerMessage(RequestMethod.Delete, [202, 404]);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status == 202;
    }

    /// <summary>
    /// Lists blobs (with metadata) whose names start with <paramref name="prefix"/>, in name order, one page per
    /// request, following NextMarker. A missing container throws (404 ContainerNotFound).
    /// </summary>
    /// <param name="pageSizeHint">maxresults per request; the service default (and maximum) is 5000.</param>
    public virtual async IAsyncEnumerable<BlobItem> GetBlobsAsync(string? prefix = null, int? pageSizeHint = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? marker = null;
        do
        {
            var page = await GetBlobsPageAsync(prefix, marker, pageSizeHint, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            marker = page.NextMarker;
        }
        while (!string.IsNullOrEmpty(marker));
    }

    /// <summary>One List Blobs request.</summary>
    internal async Task<BlobListPage> GetBlobsPageAsync(string? prefix, string? marker, int? pageSizeHint, CancellationToken cancellationToken)
    {
        if (pageSizeHint is < 1 or > 5000)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSizeHint), "Page size must be 1..5000.");
        }

        using var message = ContainerMessage(RequestMethod.Get, [200]);
        var uri = message.Request.Uri;
        uri.AppendQuery("comp", "list");
        uri.AppendQuery("include", "metadata");
        if (!string.IsNullOrEmpty(prefix))
        {
            uri.AppendQuery("prefix", prefix);
        }

        if (!string.IsNullOrEmpty(marker))
        {
            uri.AppendQuery("marker", marker);
        }

        if (pageSizeHint is { } size)
        {
            uri.AppendQuery("maxresults", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return BlobListParser.Parse(response.ContentStream ?? throw new RequestFailedException("List Blobs returned no body."));
    }

    private HttpMessage ContainerMessage(RequestMethod method, ReadOnlySpan<ushort> successStatusCodes)
    {
        var message = _pipeline.CreateMessage(method, Uri, successStatusCodes);
        message.Request.Uri.AppendQuery("restype", "container");
        return message;
    }
}
