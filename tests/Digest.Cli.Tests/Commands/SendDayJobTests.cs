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

    [Fact]
    public async Task RunAsync_RetryInDoubt_NeverReleasesAClaimWhoseLeaseIsLive()
    {
        var storeFolder = _dir.Combine("store");
        await new LocalRun(CliConfiguration.Build()).ExecuteAsync(new RunRequest([Repository.Seeds], Repository.SeedSubscribers, _dir.Combine("out"), storeFolder, Day));
        var store = new FileSystemBlobStore(storeFolder);
        var ledgerName = Containers.Delivery(Day, "batch-00001");
        var (ledger, _) = await store.ReadAsync(Containers.Digests, ledgerName, DigestJsonContext.Stored.DeliveryLedger);
        var keys = ledger!.Entries.Keys.Order(StringComparer.Ordinal).ToArray();
        var now = DateTimeOffset.UtcNow;
        var entries = new Dictionary<string, DeliveryEntry>(ledger.Entries)
        {
            // Another process is sending this one right now: its lease runs for ten more minutes.
            [keys[0]] = new DeliveryEntry(DeliveryState.Sending, null, null, now, "other-host/4242/abcd", now.AddMinutes(10)),
            // This one's sender died: its lease expired a minute ago.
            [keys[1]] = new DeliveryEntry(DeliveryState.Sending, null, null, now.AddMinutes(-11), "dead-host/1/dead", now.AddMinutes(-1)),
        };
        await store.WriteAsync(Containers.Digests, ledgerName, ledger with { Entries = entries }, DigestJsonContext.Stored.DeliveryLedger);
        var configuration = CliConfiguration.Build(new Dictionary<string, string?> { ["Digest:UnsubscribeSigningKey"] = new string('k', 40) });
        await using var services = CliServices.Build(configuration, TimeProvider.System, _dir.Combine("resent"), CliServices.FileSystem(store));

        var retried = await services.GetRequiredService<SendDayJob>().RunAsync(Day, retryInDoubt: true);
        var sent = await new DevHost(services, new DevOptions()).DrainAsync(CancellationToken.None);

        Assert.Equal((1, 1, 1), (retried.InDoubt, retried.Sending, retried.Pending));
        Assert.Equal(1, sent.EmailsSent);
        var resent = Assert.Single(Directory.GetFiles(_dir.Combine("resent"), "*.eml"));
        Assert.Contains(keys[1], resent, StringComparison.Ordinal);
        var (after, _) = await store.ReadAsync(Containers.Digests, ledgerName, DigestJsonContext.Stored.DeliveryLedger);
        Assert.Equal((DeliveryState.Sending, "other-host/4242/abcd"), (after!.Entries[keys[0]].State, after.Entries[keys[0]].Owner));
        Assert.Equal(DeliveryState.Sent, after.Entries[keys[1]].State);
    }
}
