using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Digest.Core.Delivery;
using Digest.Core.Json;
using Digest.Core.Storage;
using Digest.Testing;

namespace Digest.Cli.Tests.Dev;

/// <summary>
/// `digest dev` processes killed with SIGKILL at real moments (found by polling the store, no fault hooks) against the
/// test run's Azurite, sending through SMTP to maildev; a rerun converges: one digest for the day, nobody emailed
/// twice (counted in maildev), and `digest status` reconciles (every planned subscriber sent, failed, parked or in doubt).
/// </summary>
public sealed class KillAndRerunTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly OwnAzurite _azurite = new();

    public void Dispose()
    {
        _azurite.Dispose();
        _dir.Dispose();
    }

    private static DateOnly Today => new Core.DigestOptions().DayOf(TimeProvider.System.GetUtcNow());

    private Dictionary<string, string> SmtpEnvironment(string marker, int batchSize) => new()
    {
        ["AzureWebJobsStorage"] = _azurite.ConnectionString,
        ["Email__Provider"] = "Smtp",
        ["Email__Smtp__Host"] = "127.0.0.1",
        ["Email__Smtp__Port"] = TestServices.SmtpPort!.Value.ToString(CultureInfo.InvariantCulture),
        ["Digest__Title"] = marker,
        ["Digest__BatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture),
        ["Digest__UnsubscribeSigningKey"] = new string('s', 40),
        ["Digest__PostalAddress"] = "1 Harbour Road, Port Town",
        // A SIGKILL mid-parse leaves the parser's claims: the rerun takes them over once they expire.
        ["Digest__ParseClaimTimeout"] = "00:00:05",
    };

    private static async Task SeedAsync(IBlobStore store, int articles, int subscribers, string marker)
    {
        var directory = new SubscriberDirectory(store);
        await Parallel.ForEachAsync(Enumerable.Range(0, subscribers), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await directory.PutAsync(new Subscriber($"{marker}-{i}@example.com", null, SubscriberStatus.Active, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []), ct));
        await Parallel.ForEachAsync(Enumerable.Range(0, articles), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await store.PutAsync(Containers.Articles, $"a{i:D5}.txt", BinaryData.FromString(GeneratedArticles.Text(i)), new BlobWriteOptions { ContentType = "text/plain" }, ct));
    }

    /// <summary>Starts `digest dev --now --once` and SIGKILLs it as soon as <paramref name="moment"/> holds in the store.</summary>
    private async Task<bool> KillWhenAsync(Dictionary<string, string> env, Func<Task<bool>> moment)
    {
        using var process = Process.Start(CliProcess.StartInfo(_dir.Path, env, "dev", "--now", "--once"))!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (await moment())
            {
                process.Kill(entireProcessTree: true); // SIGKILL on Linux
                await process.WaitForExitAsync();
                return true;
            }

            await Task.Delay(10);
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        return false;
    }

    private async Task AssertConvergedAsync(IBlobStore store, Dictionary<string, string> env, string marker, int subscribers)
    {
        var (code, output) = await CliProcess.RunAsync(_dir.Path, env, "status", "--day", Containers.Day(Today), "--json");
        Assert.True(code == 0, output);
        var status = JsonSerializer.Deserialize<JsonElement>(output);
        var emails = status.GetProperty("emails");
        Assert.Equal(subscribers, emails.GetProperty("planned").GetInt32());
        var accepted = emails.GetProperty("accepted").GetInt32();
        var inDoubt = emails.GetProperty("inDoubt").GetInt32();
        Assert.Equal(subscribers, accepted + inDoubt + emails.GetProperty("failed").GetInt32() + emails.GetProperty("parked").GetInt32());

        // One digest for the day.
        var digests = new List<string>();
        await foreach (var blob in store.ListAsync(Containers.Digests, Containers.Day(Today) + "/"))
        {
            if (blob.Name.EndsWith("/digest.json", StringComparison.Ordinal))
            {
                digests.Add(blob.Name);
            }
        }

        Assert.Single(digests);

        // Nobody twice; everyone accepted received it (in-doubt ones may or may not have).
        var received = await Maildev.WaitForAsync(marker, accepted);
        var twice = received.GroupBy(r => r, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.Empty(twice);
        Assert.InRange(received.Count, accepted, accepted + inDoubt);
    }

    [AzuriteFact]
    public async Task KilledWhileParsing_RerunConverges()
    {
        var store = await _azurite.StartStoreAsync();
        var marker = "kill-parse-" + Guid.NewGuid().ToString("N")[..8];
        await SeedAsync(store, articles: 400, subscribers: 20, marker);
        var env = SmtpEnvironment(marker, batchSize: 10);

        var killed = await KillWhenAsync(env, async () => await CountAsync(store, Containers.State, "receipts/") >= 20);

        Assert.True(killed, "the process finished before 20 uploads were parsed");
        Assert.InRange(await CountAsync(store, Containers.State, "receipts/"), 20, 399);
        var (code, output) = await CliProcess.RunAsync(_dir.Path, env, "dev", "--now", "--once");
        Assert.True(code == 0, output);
        Assert.Equal(400, await CountAsync(store, Containers.State, "receipts/"));
        await AssertConvergedAsync(store, env, marker, 20);
    }

    [AzuriteFact]
    public async Task KilledAfterTheDigestIsWrittenBeforeBatchesAreQueued_RerunConverges()
    {
        var store = await _azurite.StartStoreAsync();
        var marker = "kill-build-" + Guid.NewGuid().ToString("N")[..8];
        // Enough subscribers that listing them (after digest.json, before the plan and the queue) takes a while.
        await SeedAsync(store, articles: 20, subscribers: 600, marker);
        var env = SmtpEnvironment(marker, batchSize: 100);

        var killed = await KillWhenAsync(env, async () => await store.GetPropertiesAsync(Containers.Digests, Containers.DigestJson(Today)) is not null);

        Assert.True(killed);
        Assert.Null(await store.GetPropertiesAsync(Containers.Digests, Containers.Enqueued(Today)));
        var (before, beforeOutput) = await CliProcess.RunAsync(_dir.Path, env, "status", "--day", Containers.Day(Today));
        Assert.True(before == 1, beforeOutput);
        var (code, output) = await CliProcess.RunAsync(_dir.Path, env, "dev", "--now", "--once");
        Assert.True(code == 0, output);
        await AssertConvergedAsync(store, env, marker, 600);
    }

    [AzuriteFact]
    public async Task KilledInTheMiddleOfABatch_RerunConverges_InDoubtListedNotResent()
    {
        var store = await _azurite.StartStoreAsync();
        var marker = "kill-send-" + Guid.NewGuid().ToString("N")[..8];
        await SeedAsync(store, articles: 10, subscribers: 300, marker);
        var env = SmtpEnvironment(marker, batchSize: 150);
        // The killed process hides what it received for 5 s instead of 30 s (the rerun keeps the default), and its
        // claims' lease lasts 5 s instead of 10 minutes, so what it had in flight is in doubt by the time status runs.
        var killedEnv = new Dictionary<string, string>(env) { ["Digest__Dev__VisibilityTimeout"] = "00:00:05", ["Digest__SendClaimLease"] = "00:00:05" };

        // The moment: some recipient is claimed (Sending) in a ledger, i.e. the SMTP calls of a batch are in flight.
        var killed = await KillWhenAsync(killedEnv, async () =>
        {
            await foreach (var blob in store.ListAsync(Containers.Digests, Containers.Day(Today) + "/deliveries/"))
            {
                var (ledger, _) = await store.ReadAsync(Containers.Digests, blob.Name, DigestJsonContext.Stored.DeliveryLedger);
                if (ledger?.Entries.Values.Any(e => e.State == DeliveryState.Sending) == true)
                {
                    return true;
                }
            }

            return false;
        });

        Assert.True(killed);
        // The killed process's received messages stay invisible for its visibility timeout, as on Azure.
        await Task.Delay(TimeSpan.FromSeconds(7));
        var (code, output) = await CliProcess.RunAsync(_dir.Path, env, "dev", "--now", "--once");
        Assert.True(code == 0, output);
        await AssertConvergedAsync(store, env, marker, 300);
    }

    private static async Task<int> CountAsync(IBlobStore store, string container, string prefix)
    {
        var n = 0;
        await foreach (var _ in store.ListAsync(container, prefix))
        {
            n++;
        }

        return n;
    }
}
