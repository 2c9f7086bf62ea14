using Digest.Cli.Dev;
using Digest.Cli.Hosting;
using Digest.Core.Delivery;
using Digest.Core.Json;
using Digest.Core.Storage;
using Digest.Testing;

namespace Digest.Cli.Tests.Dev;

/// <summary>Issue 19, item 4: a storage hiccup while parsing must not build the day without the retried articles.</summary>
public sealed class DevBuildWaitsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunOnceAsync_Now_OneUploadFailsTwiceToRead_DigestWaitsAndCarriesBothArticles()
    {
        var inner = new FileSystemBlobStore(_dir.Combine("store"));
        foreach (var seed in Directory.GetFiles(Repository.Seeds))
        {
            await inner.PutAsync(Containers.Articles, Path.GetFileName(seed), BinaryData.FromBytes(await File.ReadAllBytesAsync(seed)));
        }

        await new SubscriberDirectory(inner).PutAsync(new Subscriber("r@example.com", null, SubscriberStatus.Active, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []));
        var store = new FlakyStore(inner, Path.GetFileName(Directory.GetFiles(Repository.Seeds)[0]), failures: 2);
        var queue = new InMemoryMessageQueue(Containers.SendBatchesQueue, TimeProvider.System);
        var poison = new InMemoryMessageQueue(Containers.SendBatchesPoisonQueue, TimeProvider.System);
        var configuration = CliConfiguration.Build(new Dictionary<string, string?> { ["Digest:UnsubscribeSigningKey"] = new string('k', 40) });
        await using var provider = CliServices.Build(configuration, TimeProvider.System, _dir.Combine("outbox"), CliServices.Shared(store, queue, poison));
        await using var host = new DevHost(provider, new DevOptions { PollInterval = TimeSpan.FromMilliseconds(20), VisibilityTimeout = TimeSpan.FromMilliseconds(50) });

        var report = await host.RunOnceAsync(buildNow: true, CancellationToken.None);

        Assert.Equal(1, report.DigestsBuilt);
        Assert.Equal(2, report.ArticlesParsed);
        string? digestName = null;
        await foreach (var blob in inner.ListAsync(Containers.Digests))
        {
            digestName = blob.Name.EndsWith("/digest.json", StringComparison.Ordinal) ? blob.Name : digestName;
        }

        var (digest, _) = await inner.ReadAsync(Containers.Digests, digestName!, DigestJsonContext.Stored.DigestDocument);
        Assert.Equal(2, digest!.ArticleCount);
    }

    /// <summary>The file-system store, except that reading one article fails the first few times (storage unreachable).</summary>
    private sealed class FlakyStore(IBlobStore inner, string failingArticle, int failures) : IBlobStore
    {
        private int _left = failures;

        public Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken = default) =>
            container == Containers.Articles && name == failingArticle && Interlocked.Decrement(ref _left) >= 0
                ? throw new IOException("storage unreachable")
                : inner.GetAsync(container, name, cancellationToken);

        public Task<BlobProperties?> GetPropertiesAsync(string container, string name, CancellationToken cancellationToken = default) => inner.GetPropertiesAsync(container, name, cancellationToken);

        public Task<BlobWriteResult> PutAsync(string container, string name, BinaryData content, BlobWriteOptions? options = null, CancellationToken cancellationToken = default) => inner.PutAsync(container, name, content, options, cancellationToken);

        public Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default) => inner.DeleteAsync(container, name, cancellationToken);

        public IAsyncEnumerable<BlobProperties> ListAsync(string container, string? prefix = null, CancellationToken cancellationToken = default) => inner.ListAsync(container, prefix, cancellationToken);
    }
}
