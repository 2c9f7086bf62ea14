using Digest.Core.Storage;
using Digest.Testing;

namespace Digest.Core.Tests.Storage;

public sealed class FileSystemBlobStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task PutAsync_ThenGet_RoundTripsContentTypeAndMetadata()
    {
        var store = new FileSystemBlobStore(_dir.Path);
        var written = await store.PutAsync("articles", "a/b.txt", BinaryData.FromString("hello"), new BlobWriteOptions { ContentType = "text/plain", Metadata = new Dictionary<string, string> { ["k"] = "v" } });

        var blob = await store.GetAsync("articles", "a/b.txt");

        Assert.True(written.Written);
        Assert.NotNull(blob);
        Assert.Equal("hello", blob.Content.ToString());
        Assert.Equal("text/plain", blob.Properties.ContentType);
        Assert.Equal("v", blob.Properties.Metadata["k"]);
        Assert.Equal(written.ETag, blob.Properties.ETag);
    }

    [Fact]
    public async Task PutAsync_CreateOnlyTwice_SecondFails()
    {
        var store = new FileSystemBlobStore(_dir.Path);

        var first = await store.PutAsync("digests", "d.json", BinaryData.FromString("1"), BlobWriteOptions.CreateOnly());
        var second = await store.PutAsync("digests", "d.json", BinaryData.FromString("2"), BlobWriteOptions.CreateOnly());

        Assert.True(first.Written);
        Assert.False(second.Written);
        Assert.Equal("1", (await store.GetAsync("digests", "d.json"))!.Content.ToString());
    }

    [Fact]
    public async Task PutAsync_CreateOnlyRacing_ExactlyOneWins()
    {
        var store = new FileSystemBlobStore(_dir.Path);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => store.PutAsync("digests", "race.json", BinaryData.FromString(i.ToString()), BlobWriteOptions.CreateOnly()))));

        Assert.Equal(1, results.Count(r => r.Written));
    }

    [Fact]
    public async Task PutAsync_IfMatchStale_Fails()
    {
        var store = new FileSystemBlobStore(_dir.Path);
        var v1 = await store.PutAsync("state", "x", BinaryData.FromString("1"));
        await store.PutAsync("state", "x", BinaryData.FromString("2"));

        var stale = await store.PutAsync("state", "x", BinaryData.FromString("3"), new BlobWriteOptions { IfMatch = v1.ETag });

        Assert.False(stale.Written);
    }

    [Fact]
    public async Task ListAsync_Prefix_ReturnsMatchingInOrder()
    {
        var store = new FileSystemBlobStore(_dir.Path);
        foreach (var name in new[] { "2025-09-02/b.json", "2025-09-02/a.json", "2025-09-03/c.json" })
        {
            await store.PutAsync("parsed", name, BinaryData.FromString("{}"));
        }

        var names = new List<string>();
        await foreach (var blob in store.ListAsync("parsed", "2025-09-02/"))
        {
            names.Add(blob.Name);
        }

        Assert.Equal(["2025-09-02/a.json", "2025-09-02/b.json"], names);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/../../b")]
    [InlineData("/abs")]
    [InlineData("a\\b")]
    [InlineData("line\nbreak")]
    public async Task PutAsync_UnsafeName_Throws(string name)
    {
        var store = new FileSystemBlobStore(_dir.Path);

        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync("articles", name, BinaryData.FromString("x")));
    }

    [Fact]
    public async Task DeleteAsync_Missing_ReturnsFalse()
    {
        var store = new FileSystemBlobStore(_dir.Path);

        Assert.False(await store.DeleteAsync("articles", "nope"));
    }
    [Fact]
    public async Task PutAsync_255ByteFileName_RoundTripsWithContentTypeAndLists()
    {
        var store = new FileSystemBlobStore(_dir.Path);
        var name = "long/" + new string('n', 252) + ".md"; // 255 bytes, the file-name limit of ext4 and most file systems

        var written = await store.PutAsync("articles", name, BinaryData.FromString("x"), new BlobWriteOptions { ContentType = "text/markdown" });
        var again = await store.PutAsync("articles", name, BinaryData.FromString("y"), BlobWriteOptions.CreateOnly("text/markdown"));

        Assert.True(written.Written);
        Assert.False(again.Written);
        Assert.Equal("text/markdown", (await store.GetAsync("articles", name))!.Properties.ContentType);
        Assert.Equal([name], await store.ListAsync("articles").Select(p => p.Name).ToListAsync());
    }
}
