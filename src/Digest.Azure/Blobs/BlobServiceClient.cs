using Azure.Core;
using Digest.Azure.Pipeline;

namespace Digest.Azure.Blobs;

/// <summary>
/// Entry point to a storage account's Blob service, named like the official Azure.Storage.Blobs client. Builds one
/// Azure.Core pipeline (retries, logging, Shared Key or bearer-token authorization) shared by its children.
/// </summary>
public class BlobServiceClient
{
    private readonly StorageRestPipeline _pipeline = null!;
    private readonly BlobClientOptions _options = null!;

    public BlobServiceClient(string connectionString, BlobClientOptions? options = null)
        : this(StorageConnection.Parse(connectionString), options)
    {
    }

    public BlobServiceClient(Uri serviceUri, StorageSharedKeyCredential credential, BlobClientOptions? options = null)
        : this(new StorageConnection(serviceUri, null, credential ?? throw new ArgumentNullException(nameof(credential)), null), options)
    {
    }

    public BlobServiceClient(Uri serviceUri, TokenCredential credential, BlobClientOptions? options = null)
        : this(StorageConnection.FromServiceUris(serviceUri, null, credential), options)
    {
    }

    public BlobServiceClient(StorageConnection connection, BlobClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _options = options ?? new BlobClientOptions();
        Uri = connection.BlobServiceUri;
        _pipeline = new StorageRestPipeline(_options, connection, _options.TimeProvider);
    }

    /// <summary>For mocking.</summary>
    protected BlobServiceClient()
    {
        Uri = new Uri("https://mock.blob.core.windows.net/");
    }

    public Uri Uri { get; }

    public virtual BlobContainerClient GetBlobContainerClient(string blobContainerName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(blobContainerName);
        return new BlobContainerClient(BlobHeaders.Append(Uri, Uri.EscapeDataString(blobContainerName)), blobContainerName, _pipeline, _options);
    }
}
