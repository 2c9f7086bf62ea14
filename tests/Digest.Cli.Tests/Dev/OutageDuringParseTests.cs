using System.Diagnostics;
using System.Text;
using Digest.Azure;
using Digest.Core.Json;
using Digest.Core.Storage;
using Digest.Testing;

namespace Digest.Cli.Tests.Dev;

/// <summary>
/// Issue 19, item 4, on real processes: Azurite stops for a few seconds while a watching `digest dev --now` is parsing
/// the day's uploads (the build is already due); after it comes back, the day's digest carries every upload's article
/// and `digest status` reconciles. Its own Azurite (free ports, own data folder), so it can stop it.
/// </summary>
public sealed class OutageDuringParseTests : IDisposable
{
    private const int Uploads = 60;
    private readonly TempDirectory _dir = new();
    private readonly OwnAzurite _azurite = new();

    public void Dispose()
    {
        _azurite.Dispose();
        _dir.Dispose();
    }

    [AzuriteFact]
    public async Task Dev_Now_AzuriteStoppedMidParse_DigestCarriesEveryUploadAndStatusReconciles()
    {
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["Digest__TimeZone"] = "UTC",
            ["Digest__Dev__VisibilityTimeout"] = "00:00:05",
            // A claim the outage interrupted is taken over after 5 s instead of 2 minutes.
            ["Digest__ParseClaimTimeout"] = "00:00:05",
        };
        await _azurite.StartAsync();
        var articles = Directory.CreateDirectory(_dir.Combine("articles")).FullName;
        for (var i = 0; i < Uploads; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(articles, $"a{i:D3}.txt"), GeneratedArticles.Text(i));
        }

        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, environment, "subscribers", "import", Repository.SeedSubscribers)).ExitCode);
        var (uploadCode, uploadOutput) = await CliProcess.RunAsync(_dir.Path, environment, "upload", articles);
        Assert.True(uploadCode == 0, uploadOutput);

        var store = new AzureBlobStore(StorageSettings.FromConnectionString(_azurite.ConnectionString).CreateBlobServiceClient());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var day = Containers.Day(today);
        var log = new StringBuilder();
        using var dev = CliProcess.Start(_dir.Path, environment, line =>
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }, "dev", "--now", "--no-serve", "--parse-concurrency", "2", "--outbox", _dir.Combine("outbox"));
        try
        {
            // The moment: some uploads are parsed, most are not.
            var watch = Stopwatch.StartNew();
            int parsed;
            while ((parsed = await CountAsync(store, Containers.State, "receipts/")) < 5)
            {
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(40) && !dev.HasExited, "dev did not start parsing");
                await Task.Delay(20);
            }

            await _azurite.StopGracefullyAsync();
            Assert.True(parsed < Uploads, "every upload was parsed before the outage: the test's moment was missed");
            await Task.Delay(TimeSpan.FromSeconds(7));
            Assert.False(dev.HasExited, "dev died during the outage");
            Assert.Equal(0, Emails());
            await _azurite.StartAsync();

            watch.Restart();
            while (Emails() < 3)
            {
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60) && !dev.HasExited, "the day was not delivered after Azurite came back:\n" + Logged(log));
                await Task.Delay(250);
            }

            await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate would show up by now
        }
        finally
        {
            dev.Kill(entireProcessTree: true);
            await dev.WaitForExitAsync();
        }

        Assert.Equal(3, Emails());
        Assert.Equal(Uploads, await CountAsync(store, Containers.State, "receipts/"));
        var (digest, _) = await store.ReadAsync(Containers.Digests, Containers.DigestJson(today), DigestJsonContext.Stored.DigestDocument);
        Assert.NotNull(digest);
        Assert.True(digest.ArticleCount == Uploads, $"the digest has {digest.ArticleCount} of {Uploads} articles:\n" + Logged(log));
        var (code, output) = await CliProcess.RunAsync(_dir.Path, environment, "status", "--day", day);
        Assert.True(code == 0, output);
        Assert.DoesNotContain("   at ", Logged(log));
    }

    private int Emails() => Directory.Exists(_dir.Combine("outbox")) ? Directory.GetFiles(_dir.Combine("outbox"), "*.eml").Length : 0;

    private static string Logged(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
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
