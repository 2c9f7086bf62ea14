using Azure;
using Digest.Azure.Blobs;
using Digest.Azure.Blobs.Models;
using Digest.Azure.Blobs.Specialized;
using Digest.Azure.Tests.Support;
using Digest.Testing;

namespace Digest.Azure.Tests.Blobs;

/// <summary>The blob client against real Azurite (started by ./test.sh).</summary>
public sealed class BlobClientIntegrationTests : IAsyncLifetime
{
    private BlobContainerClient _container = null!;

    public async Task InitializeAsync()
    {
        if (TestServices.StorageConnectionString is null && !TestServices.Required)
        {
            return; // Every test here is an [AzuriteFact] and is skipped.
        }

        _container = StorageTestNames.Azurite().CreateBlobServiceClient().GetBlobContainerClient(StorageTestNames.Unique());
        Assert.True(await _container.CreateIfNotExistsAsync());
    }

    public async Task DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DeleteIfExistsAsync();
        }
    }

    [AzuriteFact]
    public async Task CreateIfNotExistsAsync_Twice_SecondReturnsFalse()
    {
        Assert.False(await _container.CreateIfNotExistsAsync());
    }

    [AzuriteFact]
    public async Task UploadDownloadDelete_RoundTrip_Works()
    {
        var blob = _container.GetBlobClient("dir/hello.txt");

        var info = await blob.UploadAsync(BinaryData.FromString("hello"));
        var downloaded = await blob.DownloadContentAsync();
        var deleted = await blob.DeleteIfExistsAsync();
        var deletedAgain = await blob.DeleteIfExistsAsync();

        Assert.NotNull(downloaded);
        Assert.Equal("hello", downloaded.Content.ToString());
        Assert.Equal(info.ETag, downloaded.Details.ETag);
        Assert.Equal(5, downloaded.Details.ContentLength);
        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.Null(await blob.DownloadContentAsync());
        Assert.Null(await blob.GetPropertiesAsync());
    }

    [AzuriteFact]
    public async Task UploadAsync_ContentTypeAndMetadata_RoundTripThroughGetAndHead()
    {
        var blob = _container.GetBlobClient("meta.json");
        var metadata = new Dictionary<string, string> { ["source"] = "wire one", ["a_1"] = "u", ["a1"] = "d", ["Zeta"] = "z" };

        await blob.UploadAsync(BinaryData.FromString("{}"), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" }, Metadata = metadata });
        var downloaded = await blob.DownloadContentAsync();
        var head = await blob.GetPropertiesAsync();

        Assert.Equal("application/json", downloaded!.Details.ContentType);
        Assert.Equal("application/json", head!.ContentType);
        foreach (var (name, value) in metadata)
        {
            Assert.Equal(value, downloaded.Details.Metadata[name]);
            Assert.Equal(value, head.Metadata[name]);
        }
    }

    [AzuriteFact]
    public async Task UploadAsync_NamesNeedingEscapes_AreStoredUnderThoseNames()
    {
        string[] names = ["percent%20literal&amp;=?.txt", "with space/and+plus.txt", "ünïcødé/ß.md"];
        foreach (var name in names)
        {
            await _container.GetBlobClient(name).UploadAsync(BinaryData.FromString(name));
        }

        var listed = await _container.GetBlobsAsync().Select(b => b.Name).ToListAsync();

        Assert.Equal(names.Order(StringComparer.Ordinal), listed);
        foreach (var name in names)
        {
            Assert.Equal(name, (await _container.GetBlobClient(name).DownloadContentAsync())!.Content.ToString());
        }
    }

    [AzuriteFact]
    public async Task GetBlobsAsync_SmallPages_FollowsMarkersInNameOrder()
    {
        var names = Enumerable.Range(0, 7).Select(i => $"p/{(char)('g' - i)}.txt").ToList();
        foreach (var name in names)
        {
            await _container.GetBlobClient(name).UploadAsync(BinaryData.FromString(name), new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["n"] = name } });
        }

        await _container.GetBlobClient("q/other.txt").UploadAsync(BinaryData.FromString("other"));

        var firstPage = await _container.GetBlobsPageAsync("p/", null, 3, CancellationToken.None);
        var all = await _container.GetBlobsAsync("p/", pageSizeHint: 3).ToListAsync();

        Assert.Equal(3, firstPage.Items.Count);
        Assert.NotNull(firstPage.NextMarker);
        Assert.Equal(names.Order(StringComparer.Ordinal), all.Select(b => b.Name));
        Assert.All(all, b => Assert.Equal(b.Name, b.Metadata["n"]));
        Assert.All(all, b => Assert.Equal(b.Name.Length, b.Properties.ContentLength));
    }

    [AzuriteFact]
    public async Task UploadAsync_IfNoneMatchAllWhenExists_Throws409BlobAlreadyExists()
    {
        var blob = _container.GetBlobClient("once");
        var createOnly = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        await blob.UploadAsync(BinaryData.FromString("1"), createOnly);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("2"), createOnly));

        Assert.Equal(409, error.Status);
        Assert.Equal("BlobAlreadyExists", error.ErrorCode);
        Assert.Equal("1", (await blob.DownloadContentAsync())!.Content.ToString());
    }

    [AzuriteFact]
    public async Task UploadAsync_IfMatchStale_Throws412ConditionNotMet()
    {
        var blob = _container.GetBlobClient("versioned");
        var v1 = await blob.UploadAsync(BinaryData.FromString("1"));
        var v2 = await blob.UploadAsync(BinaryData.FromString("2"), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = v1.ETag } });

        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            blob.UploadAsync(BinaryData.FromString("3"), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = v1.ETag } }));

        Assert.NotEqual(v1.ETag, v2.ETag);
        Assert.Equal(412, error.Status);
        Assert.Equal("ConditionNotMet", error.ErrorCode);
    }

    [AzuriteFact]
    public async Task Lease_HeldLease_BlocksSecondAcquireAndUnleasedWrites()
    {
        var blob = _container.GetBlobClient("leased");
        await blob.UploadAsync(BinaryData.FromString("v1"));
        var first = blob.GetBlobLeaseClient();
        var second = blob.GetBlobLeaseClient();

        var lease = await first.AcquireAsync(TimeSpan.FromSeconds(15));
        var secondAcquire = await Assert.ThrowsAsync<RequestFailedException>(() => second.AcquireAsync(TimeSpan.FromSeconds(15)));
        var unleasedWrite = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("v2")));
        await blob.UploadAsync(BinaryData.FromString("v3"), new BlobUploadOptions { Conditions = new BlobRequestConditions { LeaseId = lease.LeaseId } });
        var leasedState = (await blob.GetPropertiesAsync())!.LeaseState;
        await first.RenewAsync();
        await first.ReleaseAsync();
        var afterRelease = await second.AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration);
        var broken = await first.BreakAsync(TimeSpan.Zero);

        Assert.Equal(first.LeaseId, lease.LeaseId);
        Assert.Equal(409, secondAcquire.Status);
        Assert.Equal("LeaseAlreadyPresent", secondAcquire.ErrorCode);
        Assert.Equal(412, unleasedWrite.Status);
        Assert.Equal("LeaseIdMissing", unleasedWrite.ErrorCode);
        Assert.Equal(LeaseState.Leased, leasedState);
        Assert.Equal(second.LeaseId, afterRelease.LeaseId);
        Assert.Equal(0, broken.LeaseTime);
        Assert.Equal("v3", (await blob.DownloadContentAsync())!.Content.ToString());
    }

    [AzuriteFact]
    public async Task UploadAsync_OverConfiguredLimit_ThrowsBeforeSending()
    {
        var service = StorageTestNames.Azurite().CreateBlobServiceClient(new BlobClientOptions { MaxSingleUploadBytes = 4 });
        var blob = service.GetBlobContainerClient(_container.Name).GetBlobClient("big");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => blob.UploadAsync(BinaryData.FromString("12345")));

        Assert.Contains("MaxSingleUploadBytes", error.Message, StringComparison.Ordinal);
        Assert.Null(await blob.GetPropertiesAsync());
    }

    [AzuriteFact]
    public async Task GetBlobsAsync_MissingContainer_ThrowsContainerNotFound()
    {
        var missing = StorageTestNames.Azurite().CreateBlobServiceClient().GetBlobContainerClient(StorageTestNames.Unique("missing"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(async () => await missing.GetBlobsAsync().ToListAsync());

        Assert.Equal(404, error.Status);
        Assert.Equal("ContainerNotFound", error.ErrorCode);
    }
}
