using Digest.Cli.Hosting;
using Digest.Core.Storage;
using Digest.Testing;

namespace Digest.Cli.Tests.Hosting;

/// <summary>Issue 19, item 11: the local unsubscribe signing key belongs to the store, not to a working folder.</summary>
public sealed class LocalSigningKeyTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task LoadOrCreateAsync_ThreeStartedAtOnce_FourteenRounds_OneKeyEachRound()
    {
        for (var round = 0; round < 14; round++)
        {
            var root = _dir.Combine("store" + round);
            // Three store instances over one folder: three processes, each with its own view of the store.
            var keys = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => LocalSigningKey.LoadOrCreateAsync(new FileSystemBlobStore(root), CancellationToken.None))));

            Assert.Single(keys.Distinct(StringComparer.Ordinal));
            Assert.Equal(keys[0], (await new FileSystemBlobStore(root).GetAsync(Containers.State, Containers.UnsubscribeSigningKey))!.Content.ToString());
        }
    }

    [Fact]
    public async Task EnsureConfiguredAsync_TwoCommandsOnOneStore_SameKey()
    {
        var store = _dir.Combine("store");
        var first = await LocalSigningKey.EnsureConfiguredAsync(CliConfiguration.Build(), CliServices.FileSystem(new FileSystemBlobStore(store)), CancellationToken.None);
        var second = await LocalSigningKey.EnsureConfiguredAsync(CliConfiguration.Build(), CliServices.FileSystem(new FileSystemBlobStore(store)), CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(first["Digest:UnsubscribeSigningKey"]));
        Assert.Equal(first["Digest:UnsubscribeSigningKey"], second["Digest:UnsubscribeSigningKey"]);
    }

    [Fact]
    public async Task EnsureConfiguredAsync_ConfiguredKey_Wins_StoreUntouched()
    {
        var store = new FileSystemBlobStore(_dir.Combine("store"));
        var configured = new string('k', 44);

        var configuration = await LocalSigningKey.EnsureConfiguredAsync(CliConfiguration.Build(new Dictionary<string, string?> { ["Digest:UnsubscribeSigningKey"] = configured }), CliServices.FileSystem(store), CancellationToken.None);

        Assert.Equal(configured, configuration["Digest:UnsubscribeSigningKey"]);
        Assert.Null(await store.GetPropertiesAsync(Containers.State, Containers.UnsubscribeSigningKey));
    }
}
