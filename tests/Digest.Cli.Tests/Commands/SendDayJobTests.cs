using Digest.Cli.Dev;
using Digest.Cli.Hosting;
using Digest.Cli.Run;
using Digest.Core.Delivery;
using Digest.Core.Json;
using Digest.Core.Storage;
using Digest.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Cli.Tests.Commands;

/// <summary>`digest send` over a day whose ledger has a recipient "in doubt": left alone unless the operator asks.</summary>
public sealed class SendDayJobTests : IDisposable
{
    private static readonly DateOnly Day = new(2025, 9, 2);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunAsync_RecipientInDoubt_ResentOnlyWithRetryInDoubt()
    {
        var storeFolder = _dir.Combine("store");
        var run = await new LocalRun(CliConfiguration.Build()).ExecuteAsync(new RunRequest([Repository.Seeds], Repository.SeedSubscribers, _dir.Combine("out"), storeFolder, Day));
        Assert.Equal(3, run.EmailsWritten);
        var store = new FileSystemBlobStore(storeFolder);
        var ledgerName = Containers.Delivery(Day, "batch-00001");
        var (ledger, _) = await store.ReadAsync(Containers.Digests, ledgerName, DigestJsonContext.Stored.DeliveryLedger);
        var doubtful = ledger!.Entries.Keys.Order(StringComparer.Ordinal).First();
        var entries = new Dictionary<string, DeliveryEntry>(ledger.Entries) { [doubtful] = new DeliveryEntry(DeliveryState.Sending, null, null, DateTimeOffset.UnixEpoch) };
        await store.WriteAsync(Containers.Digests, ledgerName, ledger with { Entries = entries }, DigestJsonContext.Stored.DeliveryLedger);
        var configuration = CliConfiguration.Build(new Dictionary<string, string?> { ["Digest:UnsubscribeSigningKey"] = new string('k', 40) });
        await using var services = CliServices.Build(configuration, TimeProvider.System, _dir.Combine("resent"), CliServices.FileSystem(store));
        var job = services.GetRequiredService<SendDayJob>();

        var careful = await job.RunAsync(Day, retryInDoubt: false);
        var carefulSent = await new DevHost(services, new DevOptions()).DrainAsync(CancellationToken.None);
        var retried = await job.RunAsync(Day, retryInDoubt: true);
        var retriedSent = await new DevHost(services, new DevOptions()).DrainAsync(CancellationToken.None);

        Assert.Equal((1, 2, 0, 0), (careful.InDoubt, careful.AlreadySent, careful.Pending, careful.Batches));
        Assert.Equal(0, carefulSent.EmailsSent);
        Assert.Equal((1, 1, 1), (retried.InDoubt, retried.Pending, retried.Batches));
        Assert.Equal(1, retriedSent.EmailsSent);
        Assert.Single(Directory.GetFiles(_dir.Combine("resent"), "*.eml"));
    }
}
