using System.CommandLine;
using System.Text.Json;
using Digest.Cli.Commands;
using Digest.Cli.Hosting;
using Digest.Cli.Run;
using Digest.Core.Accounting;
using Digest.Core.Delivery;
using Digest.Core.Json;
using Digest.Core.Storage;
using Digest.Testing;

namespace Digest.Cli.Tests.Status;

/// <summary>`digest status` on the file-system store: reconciles after a clean run, and says what does not when the store is incomplete.</summary>
public sealed class StatusCommandTests : IDisposable
{
    private const string Day = "2025-09-02";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string StoreRoot => _dir.Combine("out", ".store");

    private FileSystemBlobStore Store => new(StoreRoot);

    private async Task RunSeedsAsync(params string[] extraInputs)
    {
        await new LocalRun(CliConfiguration.Build())
            .ExecuteAsync(new RunRequest([Repository.Seeds, .. extraInputs], Repository.SeedSubscribers, _dir.Combine("out"), null, DateOnly.Parse(Day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private async Task<(int Code, string Out)> StatusAsync(params string[] extra)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] args = ["status", "--day", Day, "--store", StoreRoot, .. extra];
        var code = await new RootCommand { StatusCommand.Create() }.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString() + error);
    }

    [Fact]
    public async Task SeedsRunAsAProcess_ThenStatusAsAProcess_Reconciles()
    {
        var env = new Dictionary<string, string>();
        var (runCode, runOut) = await Dev.CliProcess.RunAsync(_dir.Path, env, "run", Repository.Seeds, "--subscribers", Repository.SeedSubscribers, "--out", _dir.Combine("out"), "--date", Day);
        Assert.True(runCode == 0, runOut);

        var (code, output) = await Dev.CliProcess.RunAsync(_dir.Path, env, "status", "--store", StoreRoot, "--day", Day);

        Assert.True(code == 0, output);
        Assert.Contains("uploads        2 (2 parsed, 0 quarantined, 0 pending)", output);
        Assert.Contains("3 planned: 3 accepted, 0 failed, 0 parked, 0 in doubt, 0 no longer active, 0 pending", output);
        Assert.Contains("deliverability 3 accepted, 0 delivered, 0 deferred, 0 bounced, 0 soft-bounced, 0 complaints, 0 unsubscribes, 0 dropped", output);
        Assert.Contains("complaints     0.00% of accepted (ok; recommended under 0.1%, limit 0.3%)", output);
        Assert.Contains("Reconciles", output);
    }

    [Fact]
    public async Task Json_QuarantinedGroupedByReasonCode()
    {
        var bad = _dir.Combine("bad");
        Directory.CreateDirectory(bad);
        await File.WriteAllBytesAsync(Path.Combine(bad, "empty.txt"), []);
        await File.WriteAllBytesAsync(Path.Combine(bad, "empty2.md"), []);
        await File.WriteAllBytesAsync(Path.Combine(bad, "binary.txt"), [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 0]);
        await RunSeedsAsync(bad);

        var (code, output) = await StatusAsync("--json");

        Assert.True(code == 0, output);
        var status = JsonSerializer.Deserialize<JsonElement>(output);
        Assert.True(status.GetProperty("reconciles").GetBoolean());
        Assert.Equal(5, status.GetProperty("uploads").GetProperty("total").GetInt32());
        Assert.Equal(3, status.GetProperty("uploads").GetProperty("quarantined").GetInt32());
        var groups = status.GetProperty("quarantined").EnumerateArray().ToArray();
        Assert.Equal(3, groups.Sum(g => g.GetProperty("count").GetInt32()));
        Assert.True(groups.Length >= 2, output);
        Assert.Equal(2, groups[0].GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task UploadWithoutReceipt_DoesNotReconcile_AndNamesIt()
    {
        await RunSeedsAsync();
        await Store.PutAsync(Containers.Articles, "late.txt", BinaryData.FromString("Late headline\n\nA body."));
        // An upload without a receipt counts on the day it was written (today), not on the run's fixed day.
        var today = new Core.DigestOptions().DayOf(TimeProvider.System.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var output = new StringWriter();
        var code = await new RootCommand { StatusCommand.Create() }.Parse(["status", "--day", today, "--store", StoreRoot]).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });

        Assert.Equal(1, code);
        Assert.Contains("1 uploads are neither parsed nor quarantined", output.ToString());
        Assert.Contains("late.txt", output.ToString());
    }

    [Fact]
    public async Task ParsedReceiptWithoutItsArticle_DoesNotReconcile()
    {
        await RunSeedsAsync();
        var receipts = new List<string>();
        await foreach (var blob in Store.ListAsync(Containers.State, "receipts/"))
        {
            receipts.Add(blob.Name);
        }

        var (receipt, _) = await Store.ReadAsync(Containers.State, receipts[0], DigestJsonContext.Stored.ParseReceipt);
        await Store.DeleteAsync(Containers.Parsed, Containers.ParsedArticle(receipt!.Day, receipt.ArticleId!));

        var (code, output) = await StatusAsync();

        Assert.Equal(1, code);
        Assert.Contains("have a 'parsed' receipt but their article is missing", output);
    }

    [Fact]
    public async Task ArticleFiledAfterTheDigestWasBuilt_DoesNotReconcile()
    {
        await RunSeedsAsync();
        var parsed = new List<string>();
        await foreach (var blob in Store.ListAsync(Containers.Parsed, Day + "/"))
        {
            parsed.Add(blob.Name);
        }

        // An article parsed a cycle late (its first attempt hit a storage outage): filed under the day, in no digest.
        await Store.PutAsync(Containers.Parsed, Day + "/late.json", (await Store.GetAsync(Containers.Parsed, parsed[0]))!.Content);

        var (code, output) = await StatusAsync();

        Assert.Equal(1, code);
        Assert.Contains("1 articles were filed under this day after the digest was built", output);
    }

    [Fact]
    public async Task InDoubtRecipient_ListedMasked_AndStillReconciles()
    {
        await RunSeedsAsync();
        var name = Containers.Delivery(DateOnly.Parse(Day, System.Globalization.CultureInfo.InvariantCulture), "batch-00001");
        var (ledger, _) = await Store.ReadAsync(Containers.Digests, name, DigestJsonContext.Stored.DeliveryLedger);
        var key = SubscriberKey.For("grace.hopper@example.org");
        var entries = ledger!.Entries.ToDictionary();
        entries[key] = entries[key] with { State = DeliveryState.Sending };
        await Store.WriteAsync(Containers.Digests, name, ledger with { Entries = entries }, DigestJsonContext.Stored.DeliveryLedger);

        var (code, output) = await StatusAsync();

        Assert.True(code == 0, output);
        Assert.Contains("2 accepted, 0 failed, 0 parked, 1 in doubt", output);
        Assert.Contains($"in doubt       subscriber {key} g***@example.org (batch-00001", output); // the key tells apart recipients the mask does not
        Assert.Contains($"`digest send --retry-in-doubt --day {Day}` resends them", output);
        Assert.DoesNotContain("grace.hopper", output);
    }

    [Fact]
    public async Task ClaimWithALiveLease_IsSendingNotInDoubt_AndDoesNotReconcileYet()
    {
        await RunSeedsAsync();
        var name = Containers.Delivery(DateOnly.Parse(Day, System.Globalization.CultureInfo.InvariantCulture), "batch-00001");
        var (ledger, _) = await Store.ReadAsync(Containers.Digests, name, DigestJsonContext.Stored.DeliveryLedger);
        var key = SubscriberKey.For("grace.hopper@example.org");
        var entries = ledger!.Entries.ToDictionary();
        entries[key] = new DeliveryEntry(DeliveryState.Sending, null, null, DateTimeOffset.UtcNow, "sender-host/4242/abcd1234", DateTimeOffset.UtcNow.AddMinutes(10));
        await Store.WriteAsync(Containers.Digests, name, ledger with { Entries = entries }, DigestJsonContext.Stored.DeliveryLedger);

        var (code, output) = await StatusAsync();

        Assert.True(code == 1, output);
        Assert.Contains("2 accepted, 0 failed, 0 parked, 0 in doubt, 0 no longer active, 0 pending, 1 being sent now", output);
        Assert.Contains("1 recipient is being sent right now (claimed by sender-host/4242/abcd1234", output);
        Assert.DoesNotContain("Reconciles", output);
    }

    [Fact]
    public async Task PoisonedBatch_ShowsAsPoisonedNotAsStillQueued()
    {
        await RunSeedsAsync();
        var day = DateOnly.Parse(Day, System.Globalization.CultureInfo.InvariantCulture);
        await Store.DeleteAsync(Containers.Digests, Containers.Delivery(day, "batch-00001"));
        await Store.WriteAsync(Containers.Digests, Containers.Poisoned(day, "batch-00001"), new PoisonedBatch("batch-00001", "provider down", DateTimeOffset.UtcNow), DigestJsonContext.Stored.PoisonedBatch);

        var (code, output) = await StatusAsync();

        Assert.True(code == 1, output);
        Assert.Contains("0 pending, 1 poisoned", output);
        Assert.Contains("3 subscribers are in 1 poisoned batch (moved to send-batches-poison after their retries ran out; batch-00001: provider down)", output);
        Assert.DoesNotContain("still queued", output);
    }

    [Fact]
    public async Task LedgerLost_PendingSubscribersDoNotReconcile_UnsubscribedOnesAreNoLongerActive()
    {
        await RunSeedsAsync();
        var day = DateOnly.Parse(Day, System.Globalization.CultureInfo.InvariantCulture);
        await Store.DeleteAsync(Containers.Digests, Containers.Delivery(day, "batch-00001"));
        var directory = new SubscriberDirectory(Store);
        var ada = (await directory.GetAsync(SubscriberKey.For("ada.lovelace@example.com")))!;
        await directory.PutAsync(ada with { Status = SubscriberStatus.Unsubscribed });

        var (code, output) = await StatusAsync();

        Assert.Equal(1, code);
        Assert.Contains("3 planned: 0 accepted, 0 failed, 0 parked, 0 in doubt, 1 no longer active, 2 pending", output);
        Assert.Contains("2 subscribers active at build time are not yet sent", output);
    }

    [Fact]
    public async Task DigestWithoutPlan_AndPlanNotEnqueued_DoNotReconcile()
    {
        await RunSeedsAsync();
        var day = DateOnly.Parse(Day, System.Globalization.CultureInfo.InvariantCulture);
        await Store.DeleteAsync(Containers.Digests, Containers.Enqueued(day));
        var (notQueuedCode, notQueued) = await StatusAsync();
        await Store.DeleteAsync(Containers.Digests, Containers.SendPlan(day));
        var (noPlanCode, noPlan) = await StatusAsync();

        Assert.Equal(1, notQueuedCode);
        Assert.Contains("batches were never enqueued", notQueued);
        Assert.Equal(1, noPlanCode);
        Assert.Contains("no send plan", noPlan);
    }

    [Fact]
    public async Task ParkedRecipients_CountedAsParked_AndReconcile()
    {
        await RunSeedsAsync();
        var day = DateOnly.Parse(Day, System.Globalization.CultureInfo.InvariantCulture);
        var name = Containers.Delivery(day, "batch-00001");
        var (ledger, _) = await Store.ReadAsync(Containers.Digests, name, DigestJsonContext.Stored.DeliveryLedger);
        var key = SubscriberKey.For("zoe.unal@example.net");
        var entries = ledger!.Entries.ToDictionary();
        entries[key] = entries[key] with { State = DeliveryState.Failed, Error = "550 no such user" };
        await Store.WriteAsync(Containers.Digests, name, ledger with { Entries = entries }, DigestJsonContext.Stored.DeliveryLedger);
        var (failedCode, failed) = await StatusAsync();
        await Store.WriteAsync(Containers.Digests, Containers.Parked(day, "batch-00001"), new ParkedBatch("batch-00001", new Dictionary<string, string> { [key] = "550 no such user" }, DateTimeOffset.UnixEpoch), DigestJsonContext.Stored.ParkedBatch);
        var (parkedCode, parked) = await StatusAsync();

        Assert.Equal(0, failedCode);
        Assert.Contains("2 accepted, 1 failed, 0 parked", failed);
        Assert.Equal(0, parkedCode);
        Assert.Contains("2 accepted, 0 failed, 1 parked", parked);
        Assert.Contains("1 parked, 0 pending", parked);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("build")]
    [InlineData("send")]
    [InlineData("preview")]
    public async Task ImpossibleDay_TheSameOneLineUsageErrorFromEveryCommand(string command)
    {
        var (code, output) = await Dev.CliProcess.RunAsync(_dir.Path, new Dictionary<string, string> { ["AzureWebJobsStorage"] = "" }, command, "--day", "2026-11-31", "--store", StoreRoot);

        Assert.True(code == 2, output);
        Assert.Equal("error: --day '2026-11-31' is not a date; use YYYY-MM-DD, e.g. 2026-11-30", output.Trim());
    }

    [Fact]
    public async Task AfterRun_StatusWithoutStore_SaysWhichStoreItReadAndWhereRunsStoreIs_JsonStaysJson()
    {
        var env = new Dictionary<string, string> { ["AzureWebJobsStorage"] = "" };
        var (runCode, runOut) = await Dev.CliProcess.RunAsync(_dir.Path, env, "run", Repository.Seeds, "--subscribers", Repository.SeedSubscribers, "--date", Day);
        Assert.True(runCode == 0, runOut);

        var (_, text) = await Dev.CliProcess.RunAsync(_dir.Path, env, "status", "--day", Day);
        var (_, json) = await Dev.CliProcess.RunAsync(_dir.Path, env, "status", "--day", Day, "--json");
        var (_, runStore) = await Dev.CliProcess.RunAsync(_dir.Path, env, "status", "--day", Day, "--json", "--store", "out/.store");

        Assert.Contains("Store: file-system store " + Path.Combine(_dir.Path, ".digest", "store"), text);
        Assert.Contains("digest         not built", text);
        Assert.Contains("pass --store out/.store", text);
        Assert.Equal(Path.GetFullPath(Path.Combine(_dir.Path, ".digest", "store")), JsonDocument.Parse(json).RootElement.GetProperty("store").GetString()!["file-system store ".Length..]);
        var ran = JsonDocument.Parse(runStore).RootElement;
        Assert.EndsWith(Path.Combine("out", ".store"), ran.GetProperty("store").GetString());
        Assert.True(ran.GetProperty("reconciles").GetBoolean(), runStore);
    }

    [Fact]
    public void DayStatus_ReconcilesOnlyWithoutProblems()
    {
        var status = new DayStatus
        {
            Day = new DateOnly(2025, 9, 2),
            Uploads = new UploadCounts(0, 0, 0, 0),
            ParsedArticles = 0,
            Quarantined = [],
            Digest = null,
            Batches = new BatchCounts(0, false, 0, 0, 0),
            Emails = new EmailCounts(0, 0, 0, 0, 0, 0, 0),
            InDoubt = [],
            Deliverability = DeliverabilityCounts.From(0, new Dictionary<string, int>()),
            Problems = ["x"],
            Notes = [],
        };
        Assert.False(status.Reconciles);
        Assert.True((status with { Problems = [] }).Reconciles);
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(2, "  warning        complaint rate 0.20% is above 0.1%")]
    [InlineData(4, "  warning        complaint rate 0.40% is above 0.1%, over the 0.3% limit")]
    public void Format_ComplaintRateAboveOneInAThousand_Warns(int complaints, string? warning)
    {
        var status = new DayStatus
        {
            Day = new DateOnly(2025, 9, 2),
            Uploads = new UploadCounts(0, 0, 0, 0),
            ParsedArticles = 0,
            Quarantined = [],
            Digest = null,
            Batches = new BatchCounts(0, false, 0, 0, 0),
            Emails = new EmailCounts(0, 0, 0, 0, 0, 0, 0),
            InDoubt = [],
            Deliverability = DeliverabilityCounts.From(1000, new Dictionary<string, int> { ["delivered"] = 1000, ["complained"] = complaints }),
            Problems = [],
            Notes = [],
        };

        var text = StatusCommand.Format(status);

        if (warning is null)
        {
            Assert.DoesNotContain("warning", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(warning + Environment.NewLine, text, StringComparison.Ordinal);
        }
    }
}
