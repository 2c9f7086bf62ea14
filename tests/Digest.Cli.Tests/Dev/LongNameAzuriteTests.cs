using Digest.Cli.Dev;
using Digest.Cli.Hosting;
using Digest.Core.Accounting;
using Digest.Core.Articles;
using Digest.Core.Json;
using Digest.Core.Storage;
using Digest.Testing;

namespace Digest.Cli.Tests.Dev;

/// <summary>
/// Issue 19, item 14: any Azure client can upload a name as long as the service allows (1,024 characters, and a
/// 255-byte file name); such an upload must be accounted for like any other: parsed, or quarantined under
/// quarantine/~long-names/&lt;hash&gt; with its original name in the reason, and counted by `digest status`.
/// </summary>
public sealed class LongNameAzuriteTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly OwnAzurite _azurite = new();

    public void Dispose()
    {
        _azurite.Dispose();
        _dir.Dispose();
    }

    [AzuriteFact]
    public async Task DevOnce_UploadsWithLongNames_EachQuarantinedWithItsNameAndCountedByStatus()
    {
        var store = await _azurite.StartStoreAsync();
        string[] names = [
            new string('b', 251) + ".txt",
            "editor/" + new string('a', 1013) + ".txt", // 1,024 characters, the service's limit
            new string('é', 1017) + ".md", // 1,020 characters, 2,037 bytes of UTF-8
        ];
        byte[] binary = [0x00, 0x01, 0x02, 0xFF, 0x00];
        foreach (var name in names)
        {
            await store.PutAsync(Containers.Articles, name, BinaryData.FromBytes(binary));
        }

        var storage = _azurite.ConnectionString;
        await using var provider = CliServices.Build(CliConfiguration.Build(), TimeProvider.System, _dir.Combine("outbox"), StorageSelection.Choose(CliConfiguration.Build(), storage, null).Register);
        var host = new DevHost(provider, new DevOptions());
        var report = await host.RunOnceAsync(buildNow: false, CancellationToken.None);

        Assert.Equal(3, report.ArticlesQuarantined);
        var sources = new List<string>();
        await foreach (var blob in store.ListAsync(Containers.Quarantine))
        {
            if (blob.Name.EndsWith(Containers.QuarantineReasonSuffix, StringComparison.Ordinal))
            {
                var (rejection, _) = await store.ReadAsync(Containers.Quarantine, blob.Name, DigestJsonContext.Stored.Rejection);
                sources.Add(rejection!.Source);
                Assert.StartsWith("~long-names/", blob.Name, StringComparison.Ordinal);
            }
        }

        Assert.Equal(names.Order(StringComparer.Ordinal), sources.Order(StringComparer.Ordinal));
        foreach (var name in names)
        {
            Assert.Equal(binary, (await store.GetAsync(Containers.Quarantine, Containers.QuarantineCopy(name)))!.Content.ToArray());
        }

        var day = new Core.DigestOptions().DayOf(TimeProvider.System.GetUtcNow());
        var status = await new DayAccounting(store, new Core.DigestOptions().ResolveTimeZone()).ComputeAsync(day);
        Assert.Equal(new UploadCounts(3, 0, 3, 0), status.Uploads);

        // A second host (no memory of the first): the receipts stop it.
        await using var second = CliServices.Build(CliConfiguration.Build(), TimeProvider.System, _dir.Combine("outbox"), StorageSelection.Choose(CliConfiguration.Build(), storage, null).Register);
        var again = await new DevHost(second, new DevOptions()).RunOnceAsync(buildNow: false, CancellationToken.None);
        Assert.Equal(0, again.ArticlesQuarantined);
        Assert.Equal(3, again.ArticlesSkipped);
    }
}
