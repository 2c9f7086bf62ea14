using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Digest.Azure.Tests.Support;
using Digest.Core.Storage;
using Digest.Testing;

namespace Digest.Azure.Tests;

/// <summary>
/// What the Azure store does beyond the shared contract (<see cref="BlobStoreContractTests"/>): the SDK's 409/412
/// answers become results, a lease held by someone else is an error, a deleted container comes back, and an
/// unreachable account fails fast.
/// </summary>
public sealed class AzureBlobStoreTests : IAsyncLifetime
{
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string _container = StorageTestNames.Unique("c");
    private BlobServiceClient? _service;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.GetBlobContainerClient(_container).DeleteIfExistsAsync();
        }
    }

    [AzuriteFact]
    public async Task PutAsync_CreateOnlyOnExisting_IsConditionFailedAndTheServiceSaid409()
    {
        var store = Create();
        await store.PutAsync(_container, "d.json", BinaryData.FromString("1"));

        var result = await store.PutAsync(_container, "d.json", BinaryData.FromString("2"), BlobWriteOptions.CreateOnly());
        var raw = await Assert.ThrowsAsync<RequestFailedException>(() => _service!.GetBlobContainerClient(_container).GetBlobClient("d.json")
            .UploadAsync(BinaryData.FromString("2"), new global::Azure.Storage.Blobs.Models.BlobUploadOptions { Conditions = new() { IfNoneMatch = ETag.All } }));

        Assert.Equal(BlobWriteResult.ConditionFailed, result);
        Assert.Equal(409, raw.Status);
        Assert.Equal("BlobAlreadyExists", raw.ErrorCode);
        Assert.Equal("1", (await store.GetAsync(_container, "d.json"))!.Content.ToString());
    }

    [AzuriteFact]
    public async Task PutAsync_IfMatchStale_IsConditionFailedAndTheServiceSaid412()
    {
        var store = Create();
        var v1 = await store.PutAsync(_container, "s.json", BinaryData.FromString("1"));
        var v2 = await store.PutAsync(_container, "s.json", BinaryData.FromString("2"));

        var result = await store.PutAsync(_container, "s.json", BinaryData.FromString("3"), new BlobWriteOptions { IfMatch = v1.ETag });
        var raw = await Assert.ThrowsAsync<RequestFailedException>(() => _service!.GetBlobContainerClient(_container).GetBlobClient("s.json")
            .UploadAsync(BinaryData.FromString("3"), new global::Azure.Storage.Blobs.Models.BlobUploadOptions { Conditions = new() { IfMatch = new ETag(v1.ETag!) } }));

        Assert.Equal(BlobWriteResult.ConditionFailed, result);
        Assert.Equal(412, raw.Status);
        Assert.Equal("ConditionNotMet", raw.ErrorCode);
        Assert.Equal(v2.ETag, (await store.GetPropertiesAsync(_container, "s.json"))!.ETag);
    }

    [AzuriteFact]
    public async Task PutAsync_BlobLeasedBySomeoneElse_ThrowsInsteadOfConditionFailed()
    {
        var store = Create();
        var v1 = await store.PutAsync(_container, "leased.json", BinaryData.FromString("1"));
        var lease = _service!.GetBlobContainerClient(_container).GetBlobClient("leased.json").GetBlobLeaseClient();
        await lease.AcquireAsync(TimeSpan.FromSeconds(15));

        try
        {
            // The caller asked for "this version"; the version matches, but the writer does not hold the lease.
            var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
                store.PutAsync(_container, "leased.json", BinaryData.FromString("2"), new BlobWriteOptions { IfMatch = v1.ETag }));

            Assert.Equal(412, error.Status);
            Assert.Equal("LeaseIdMissing", error.ErrorCode);
        }
        finally
        {
            await lease.ReleaseAsync();
        }

        Assert.True((await store.PutAsync(_container, "leased.json", BinaryData.FromString("2"), new BlobWriteOptions { IfMatch = v1.ETag })).Written);
    }

    [AzuriteFact]
    public async Task PutAsync_ContainerDeletedBehindOurBack_RecreatesItAndWrites()
    {
        var store = Create();
        await store.PutAsync(_container, "a", BinaryData.FromString("1"));
        await _service!.GetBlobContainerClient(_container).DeleteAsync();

        // Azurite deletes at once (Azure may answer 409 ContainerBeingDeleted for a while; that still throws).
        var result = await store.PutAsync(_container, "b", BinaryData.FromString("2"), BlobWriteOptions.CreateOnly());

        Assert.True(result.Written);
        Assert.Equal(["b"], (await store.ListAsync(_container).ToListAsync()).Select(b => b.Name));
    }

    [AzuriteFact]
    public async Task ListAsync_MoreThanOnePage_StreamsEveryBlobInNameOrder()
    {
        _service = StorageTestNames.Azurite().CreateBlobServiceClient();
        var store = new AzureBlobStore(_service) { PageSizeHint = 2 };
        var names = Enumerable.Range(0, 5).Select(i => $"p/{i:D2}.txt").Reverse().ToList();
        foreach (var name in names)
        {
            await store.PutAsync(_container, name, BinaryData.FromString(name));
        }

        var paged = new List<string>();
        await foreach (var page in _service!.GetBlobContainerClient(_container).GetBlobsAsync(new global::Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = "p/" }).AsPages(pageSizeHint: 2))
        {
            paged.Add(string.Join(',', page.Values.Select(v => v.Name)));
        }

        Assert.Equal(names.Order(StringComparer.Ordinal), (await store.ListAsync(_container, "p/").ToListAsync()).Select(b => b.Name));
        Assert.Equal(3, paged.Count); // the service really answers 2 per page, so the store followed two continuations
    }

    [Theory]
    [InlineData("has-hyphen", "v")]
    [InlineData("1digitfirst", "v")]
    [InlineData("ok", "caf\u00e9")]
    [InlineData("ok", "line\nbreak")]
    public async Task PutAsync_MetadataAzureRefuses_ThrowsArgumentExceptionBeforeSending(string name, string value)
    {
        // An endpoint nobody listens on: the check must happen before any request.
        var store = new AzureBlobStore(StorageSettings.FromConnectionString($"AccountName=devstoreaccount1;AccountKey={DevelopmentKey};BlobEndpoint=http://127.0.0.1:{ClosedPort()}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{ClosedPort()}/devstoreaccount1").CreateBlobServiceClient());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync("meta", "x", BinaryData.FromString("x"), new BlobWriteOptions { Metadata = new Dictionary<string, string> { [name] = value } }));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutAsync_UnreachableAccount_FailsWithinTenSeconds()
    {
        var store = new AzureBlobStore(StorageSettings.FromConnectionString($"AccountName=devstoreaccount1;AccountKey={DevelopmentKey};BlobEndpoint=http://127.0.0.1:{ClosedPort()}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{ClosedPort()}/devstoreaccount1").CreateBlobServiceClient());
        var clock = Stopwatch.StartNew();

        // Azure.Core throws AggregateException ("Retry failed after 4 tries") when every attempt failed to connect.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => store.PutAsync("unreachable", "x", BinaryData.FromString("x")));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Contains("4 tries", error.Message, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private AzureBlobStore Create()
    {
        _service = StorageTestNames.Azurite().CreateBlobServiceClient();
        return new AzureBlobStore(_service);
    }
}
