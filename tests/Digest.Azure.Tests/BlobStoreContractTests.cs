using Azure.Storage.Blobs;
using Digest.Azure.Tests.Support;
using Digest.Core.Storage;
using Digest.Testing;

namespace Digest.Azure.Tests;

/// <summary>
/// The <see cref="IBlobStore"/> contract, run against both real implementations: the file system and Azure Blob
/// Storage on Azurite. The Azurite rows exist when ./test.sh provides DIGEST_TEST_STORAGE (or requires services, in
/// which case a missing Azurite fails them). Every test uses its own container.
/// </summary>
public sealed class BlobStoreContractTests : IAsyncLifetime
{
    private const string FileSystem = "file-system";
    private const string Azurite = "azurite";
    private readonly TempDirectory _dir = new();
    private readonly string _container = StorageTestNames.Unique("c");
    private BlobServiceClient? _service;

    public static TheoryData<string> Stores
    {
        get
        {
            var stores = new TheoryData<string> { FileSystem };
            if (TestServices.StorageConnectionString is not null || TestServices.Required)
            {
                stores.Add(Azurite);
            }

            return stores;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.GetBlobContainerClient(_container).DeleteIfExistsAsync();
        }

        _dir.Dispose();
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task PutAsync_ThenGet_RoundTripsContentTypeMetadataAndETag(string kind)
    {
        var store = Create(kind);

        var written = await store.PutAsync(_container, "a/b.txt", BinaryData.FromString("hello"), new BlobWriteOptions { ContentType = "text/plain", Metadata = new Dictionary<string, string> { ["k"] = "v", ["source_name"] = "wire" } });
        var blob = await store.GetAsync(_container, "a/b.txt");
        var properties = await store.GetPropertiesAsync(_container, "a/b.txt");

        Assert.True(written.Written);
        Assert.NotNull(blob);
        Assert.Equal("hello", blob.Content.ToString());
        Assert.Equal("a/b.txt", blob.Properties.Name);
        Assert.Equal(5, blob.Properties.Length);
        Assert.Equal("text/plain", blob.Properties.ContentType);
        Assert.Equal("v", blob.Properties.Metadata["k"]);
        Assert.Equal("wire", blob.Properties.Metadata["source_name"]);
        Assert.Equal(written.ETag, blob.Properties.ETag);
        Assert.Equal(blob.Properties with { LastModified = default, Metadata = properties!.Metadata }, properties with { LastModified = default });
        Assert.StartsWith("\"", written.ETag, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task GetAsync_Missing_ReturnsNull(string kind)
    {
        var store = Create(kind);

        Assert.Null(await store.GetAsync(_container, "nope"));
        Assert.Null(await store.GetPropertiesAsync(_container, "nope"));
        await store.PutAsync(_container, "other", BinaryData.FromString("x"));
        Assert.Null(await store.GetAsync(_container, "nope"));
        Assert.Null(await store.GetPropertiesAsync(_container, "nope"));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task PutAsync_Overwrite_ChangesContentAndETag(string kind)
    {
        var store = Create(kind);

        var first = await store.PutAsync(_container, "x", BinaryData.FromString("1"));
        var second = await store.PutAsync(_container, "x", BinaryData.FromString("2"));

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal("2", (await store.GetAsync(_container, "x"))!.Content.ToString());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task PutAsync_CreateOnlyTwice_SecondFailsAndFirstStays(string kind)
    {
        var store = Create(kind);

        var first = await store.PutAsync(_container, "d.json", BinaryData.FromString("1"), BlobWriteOptions.CreateOnly());
        var second = await store.PutAsync(_container, "d.json", BinaryData.FromString("2"), BlobWriteOptions.CreateOnly());

        Assert.True(first.Written);
        Assert.Equal(BlobWriteResult.ConditionFailed, second);
        Assert.Equal("1", (await store.GetAsync(_container, "d.json"))!.Content.ToString());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task PutAsync_CreateOnlyRacing_ExactlyOneWins(string kind)
    {
        var store = Create(kind);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => store.PutAsync(_container, "race.json", BinaryData.FromString(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), BlobWriteOptions.CreateOnly()))));

        var winner = Assert.Single(results, r => r.Written);
        Assert.Equal(winner.ETag, (await store.GetPropertiesAsync(_container, "race.json"))!.ETag);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task PutAsync_IfMatchCurrent_Replaces(string kind)
    {
        var store = Create(kind);
        var v1 = await store.PutAsync(_container, "state.json", BinaryData.FromString("1"));

        var v2 = await store.PutAsync(_container, "state.json", BinaryData.FromString("2"), new BlobWriteOptions { IfMatch = v1.ETag });

        Assert.True(v2.Written);
        Assert.Equal("2", (await store.GetAsync(_container, "state.json"))!.Content.ToString());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task PutAsync_IfMatchStale_FailsAndKeepsNewer(string kind)
    {
        var store = Create(kind);
        var v1 = await store.PutAsync(_container, "state.json", BinaryData.FromString("1"));
        await store.PutAsync(_container, "state.json", BinaryData.FromString("2"));

        var stale = await store.PutAsync(_container, "state.json", BinaryData.FromString("3"), new BlobWriteOptions { IfMatch = v1.ETag });

        Assert.Equal(BlobWriteResult.ConditionFailed, stale);
        Assert.Equal("2", (await store.GetAsync(_container, "state.json"))!.Content.ToString());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task PutAsync_IfMatchOnMissingBlob_Fails(string kind)
    {
        var store = Create(kind);

        var result = await store.PutAsync(_container, "ghost.json", BinaryData.FromString("1"), new BlobWriteOptions { IfMatch = "\"0x1234\"" });

        Assert.Equal(BlobWriteResult.ConditionFailed, result);
        Assert.Null(await store.GetAsync(_container, "ghost.json"));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task DeleteAsync_ExistingThenMissing_TrueThenFalse(string kind)
    {
        var store = Create(kind);
        Assert.False(await store.DeleteAsync(_container, "x"));
        await store.PutAsync(_container, "x", BinaryData.FromString("1"));

        Assert.True(await store.DeleteAsync(_container, "x"));
        Assert.False(await store.DeleteAsync(_container, "x"));
        Assert.Null(await store.GetAsync(_container, "x"));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task ListAsync_Prefix_ReturnsMatchingInNameOrderWithProperties(string kind)
    {
        var store = Create(kind);
        foreach (var name in new[] { "2025-09-02/b.json", "2025-09-02/a.json", "2025-09-03/c.json", "2025-09-02/sub/z.json" })
        {
            await store.PutAsync(_container, name, BinaryData.FromString(name), new BlobWriteOptions { ContentType = "application/json", Metadata = new Dictionary<string, string> { ["n"] = "1" } });
        }

        var listed = await store.ListAsync(_container, "2025-09-02/").ToListAsync();
        var all = await store.ListAsync(_container).ToListAsync();

        Assert.Equal(["2025-09-02/a.json", "2025-09-02/b.json", "2025-09-02/sub/z.json"], listed.Select(b => b.Name));
        Assert.Equal(4, all.Count);
        Assert.All(listed, b => Assert.Equal(b.Name.Length, b.Length));
        Assert.All(listed, b => Assert.Equal("application/json", b.ContentType));
        Assert.All(listed, b => Assert.Equal("1", b.Metadata["n"]));
        foreach (var item in listed)
        {
            Assert.Equal((await store.GetPropertiesAsync(_container, item.Name))!.ETag, item.ETag);
        }
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task ListAsync_MissingContainer_YieldsNothing(string kind)
    {
        var store = Create(kind);

        Assert.Empty(await store.ListAsync(_container).ToListAsync());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task PutAsync_UnsafeNames_Throw(string kind)
    {
        var store = Create(kind);

        foreach (var name in new[] { "../escape", "a/../../b", "/abs", "a\\b", "line\nbreak", "a//b", "" })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(_container, name, BinaryData.FromString("x")));
        }

        foreach (var container in new[] { "UPPER", "a", "has_underscore", "double--hyphen" })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(container, "x", BinaryData.FromString("x")));
        }
    }

    private IBlobStore Create(string kind)
    {
        if (kind == FileSystem)
        {
            return new FileSystemBlobStore(_dir.Path);
        }

        _service = StorageTestNames.Azurite().CreateBlobServiceClient();
        return new AzureBlobStore(_service);
    }
}
