using System.Diagnostics;
using System.Globalization;
using System.Text;
using Digest.Testing;

namespace Digest.Cli.Tests.Dev;

/// <summary>
/// Issue 13, acceptance 2, the harder half: Azurite goes away while a watching `digest dev` is working (it has parsed
/// the day's articles), the daily build falls due during the outage, and Azurite comes back: dev logs the outage
/// once, builds the day when storage returns and emails every subscriber exactly once. Its own Azurite (free ports,
/// own data folder), so it can stop it.
/// </summary>
public sealed class StorageOutageTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly OwnAzurite _azurite = new();

    public void Dispose()
    {
        _azurite.Dispose();
        _dir.Dispose();
    }

    [AzuriteFact]
    public async Task Dev_AzuriteStoppedWhileWatching_BuildDueDuringTheOutageIsDeliveredOnceAfterIt()
    {
        var storage = _azurite.ConnectionString;
        var environment = new Dictionary<string, string> { ["AzureWebJobsStorage"] = storage, ["Digest__TimeZone"] = "UTC" };
        await _azurite.StartAsync();
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, environment, "subscribers", "import", Repository.SeedSubscribers)).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, environment, "upload", Repository.Seeds)).ExitCode);

        // The daily build fires 75 s from now (six-field NCrontab, seconds first): after the parse, during the outage.
        var due = DateTimeOffset.UtcNow.AddSeconds(75);
        var schedule = due.ToString("s m H", CultureInfo.InvariantCulture) + " * * *";
        var log = new StringBuilder();
        using var dev = Start(environment, log, "dev", "--schedule", schedule, "--no-serve", "--outbox", _dir.Combine("outbox"));
        try
        {
            await WaitForAsync(() => Logged(log, "2 parsed"), TimeSpan.FromSeconds(50), "dev did not parse the uploads");
            await Task.Delay(TimeSpan.FromSeconds(7)); // Azurite saves its metadata to --location every few seconds
            Assert.True(DateTimeOffset.UtcNow < due - TimeSpan.FromSeconds(5), "the machine is too slow for this test's timeline: the outage would start after the build was due");
            _azurite.Stop();

            var wait = due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(5);
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
            Assert.False(dev.HasExited, "dev died during the outage");
            Assert.Equal(0, Emails());
            await _azurite.StartAsync();
            await WaitForAsync(() => Emails() >= 3, TimeSpan.FromSeconds(90), "the day was not delivered after Azurite came back");
            await Task.Delay(TimeSpan.FromSeconds(3)); // a duplicate would show up by now
            Assert.False(dev.HasExited, "dev exited");
        }
        finally
        {
            dev.Kill(entireProcessTree: true);
            await dev.WaitForExitAsync();
        }

        var output = Logged(log);
        Assert.Equal(3, Emails());
        Assert.Single(output.Split('\n'), l => l.Contains("A cycle failed", StringComparison.Ordinal));
        Assert.Contains("Working again", output);
        Assert.Contains("digests built: 1", output);
        Assert.DoesNotContain("   at ", output);
    }

    private int Emails() => Directory.Exists(_dir.Combine("outbox")) ? Directory.GetFiles(_dir.Combine("outbox"), "*.eml").Length : 0;

    private static string Logged(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    private static bool Logged(StringBuilder log, string text) => Logged(log).Contains(text, StringComparison.Ordinal);

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan limit, string failure)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < limit, failure);
            await Task.Delay(250);
        }
    }

    private Process Start(IReadOnlyDictionary<string, string> environment, StringBuilder log, params string[] args) =>
        CliProcess.Start(_dir.Path, environment, line =>
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }, args);
}
