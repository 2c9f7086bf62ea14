using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Digest.Core.Delivery;
using Digest.Core.Json;
using Digest.Core.Storage;
using Digest.Testing;
using Xunit.Abstractions;

namespace Digest.Cli.Tests.Dev;

/// <summary>
/// Issue 19, acceptance 2: one day's send over SMTP (maildev) to 50 subscribers in batches of 10, by real
/// `digest dev --now --once` processes stopped again and again mid-send, alternately with SIGTERM (a graceful stop) and
/// SIGKILL, each at a moment found by watching the ledgers in Azurite. Afterwards nobody has two emails, everyone not in
/// doubt has exactly one, each SIGKILL leaves at most one recipient in doubt (the message in flight), a SIGTERM none, and
/// `digest status` reconciles. Short visibility timeout and claim lease keep it quick.
/// </summary>
public sealed class KillAndRestartSendTests(ITestOutputHelper log) : IDisposable
{
    private const int Subscribers = 50;
    private const int KillPoints = 10;
    private readonly TempDirectory _dir = new();
    private readonly OwnAzurite _azurite = new();

    public void Dispose()
    {
        _azurite.Dispose();
        _dir.Dispose();
    }

    private static DateOnly Today => new Core.DigestOptions().DayOf(TimeProvider.System.GetUtcNow());

    [AzuriteFact]
    public async Task SendStoppedAtTenPointsBySigtermAndSigkill_EveryoneOnceAtMostOneInDoubtPerSigkill_StatusReconciles()
    {
        var clock = Stopwatch.StartNew();
        var store = await _azurite.StartStoreAsync();
        var marker = "kill-restart-" + Guid.NewGuid().ToString("N")[..8];
        var directory = new SubscriberDirectory(store);
        await Parallel.ForEachAsync(Enumerable.Range(0, Subscribers), async (i, ct) =>
            await directory.PutAsync(new Subscriber($"{marker}-{i}@example.com", null, SubscriberStatus.Active, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []), ct));
        for (var i = 0; i < 3; i++)
        {
            await store.PutAsync(Containers.Articles, $"a{i:D5}.txt", BinaryData.FromString(GeneratedArticles.Text(i)), new BlobWriteOptions { ContentType = "text/plain" });
        }

        var env = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["Email__Provider"] = "Smtp",
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = TestServices.SmtpPort!.Value.ToString(CultureInfo.InvariantCulture),
            ["Digest__Title"] = marker,
            ["Digest__BatchSize"] = "10",
            ["Digest__UnsubscribeSigningKey"] = new string('s', 40),
            ["Digest__PostalAddress"] = "1 Harbour Road, Port Town",
            ["Digest__Dev__VisibilityTimeout"] = "00:00:02",
            ["Digest__SendClaimLease"] = "00:00:02",
        };

        var sigkills = 0;
        var sigterms = 0;
        for (var point = 0; point < KillPoints; point++)
        {
            var graceful = point % 2 == 0;
            var before = await LedgerAsync(store);
            var sentBefore = before.Count(e => e.State == DeliveryState.Sent);
            var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
            using var process = CliProcess.Start(_dir.Path, env, output.Enqueue, "dev", "--now", "--once");

            // The moment: two or three more recipients recorded as sent since this process started (so it is mid-send).
            var target = sentBefore + 2 + (point % 2);
            var hit = false;
            var wait = Stopwatch.StartNew();
            while (!process.HasExited && wait.Elapsed < TimeSpan.FromSeconds(60))
            {
                if ((await LedgerAsync(store)).Count(e => e.State == DeliveryState.Sent) >= target)
                {
                    hit = true;
                    break;
                }

                await Task.Delay(5);
            }

            Assert.True(hit, $"point {point}: the process ended before the moment (sent {sentBefore} before, target {target}): {string.Join('\n', output)}");
            if (graceful)
            {
                using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
                {
                    await kill.WaitForExitAsync();
                }

                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await process.WaitForExitAsync(limit.Token);
                sigterms++;
                var text = string.Join('\n', output);
                Assert.True(process.ExitCode != 0, $"point {point}: a stopped send exits non-zero: {text}");
                // Stopped between two messages ("stopped during batch-00002: 3 emails sent and recorded, 7 not sent yet ...")
                // or before the next batch began ("cancelled; nothing is lost").
                Assert.True(text.Contains("stopped during batch", StringComparison.Ordinal) || text.Contains("cancelled; nothing is lost", StringComparison.Ordinal), text);
                log.WriteLine(text.Split('\n').Last(l => l.StartsWith("error:", StringComparison.Ordinal)));

                // A graceful stop leaves no claim of its own behind: what it sent is recorded, the rest released.
                var owner = $"/{process.Id.ToString(CultureInfo.InvariantCulture)}/";
                Assert.DoesNotContain(await LedgerAsync(store), e => e.State == DeliveryState.Sending && e.Owner!.Contains(owner, StringComparison.Ordinal));
            }
            else
            {
                process.Kill(entireProcessTree: true); // SIGKILL
                await process.WaitForExitAsync();
                sigkills++;
                var after = await LedgerAsync(store);
                Assert.InRange(after.Count(e => e.State == DeliveryState.Sending) - before.Count(e => e.State == DeliveryState.Sending), 0, 1);
            }

            log.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: point {point} ({(graceful ? "SIGTERM" : "SIGKILL")}) at {target} sent");
        }

        // The last run sends the rest; it waits for the batches the last SIGKILLed process hid.
        var (code, final) = await CliProcess.RunAsync(_dir.Path, env, "dev", "--now", "--once");
        Assert.True(code == 0, final);
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // the claim lease: what the killed processes had in flight is now in doubt

        var (statusCode, statusJson) = await CliProcess.RunAsync(_dir.Path, env, "status", "--day", Containers.Day(Today), "--json");
        Assert.True(statusCode == 0, statusJson);
        var emails = JsonSerializer.Deserialize<JsonElement>(statusJson).GetProperty("emails");
        var accepted = emails.GetProperty("accepted").GetInt32();
        var inDoubt = emails.GetProperty("inDoubt").GetInt32();
        Assert.Equal(Subscribers, emails.GetProperty("planned").GetInt32());
        Assert.Equal(Subscribers, accepted + inDoubt);
        Assert.InRange(inDoubt, 0, sigkills);

        var received = await Maildev.WaitForAsync(marker, accepted);
        var perAddress = received.GroupBy(r => r, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(perAddress, p => p.Value > 1); // nobody twice
        var ledger = await KeyedLedgerAsync(store);
        for (var i = 0; i < Subscribers; i++)
        {
            var email = $"{marker}-{i}@example.com";
            var state = ledger[SubscriberKey.For(email)].State;
            Assert.True(state == DeliveryState.Sent ? perAddress.GetValueOrDefault(email) == 1 : state == DeliveryState.Sending, $"{email}: {state}, {perAddress.GetValueOrDefault(email)} emails");
        }

        Assert.Equal(inDoubt, ledger.Values.Count(e => e.State == DeliveryState.Sending));
        log.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: {sigterms} SIGTERM, {sigkills} SIGKILL, {accepted} accepted, {inDoubt} in doubt, {perAddress.Count} addresses in maildev");
    }

    private static async Task<IReadOnlyList<DeliveryEntry>> LedgerAsync(IBlobStore store) => [.. (await KeyedLedgerAsync(store)).Values];

    private static async Task<Dictionary<string, DeliveryEntry>> KeyedLedgerAsync(IBlobStore store)
    {
        var entries = new Dictionary<string, DeliveryEntry>(StringComparer.Ordinal);
        await foreach (var blob in store.ListAsync(Containers.Digests, Containers.Day(Today) + "/deliveries/"))
        {
            var (ledger, _) = await store.ReadAsync(Containers.Digests, blob.Name, DigestJsonContext.Stored.DeliveryLedger);
            foreach (var (key, entry) in ledger?.Entries ?? new Dictionary<string, DeliveryEntry>())
            {
                entries[key] = entry;
            }
        }

        return entries;
    }
}
