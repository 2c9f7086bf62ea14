using System.Diagnostics;
using Digest.Testing;

namespace Digest.Cli.Tests.Dev;

/// <summary>
/// Issue 13, acceptance 2: a watching `digest dev` survives Azurite going away and coming back, and the day is then
/// delivered exactly once. Uses its own Azurite process (on free ports, its own data folder) so it can stop it.
/// </summary>
public sealed class DevOutageTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly OwnAzurite _azurite = new();

    public void Dispose()
    {
        _azurite.Dispose();
        _dir.Dispose();
    }

    [AzuriteFact]
    public async Task Dev_AzuriteStoppedAndRestarted_ResumesAndDeliversOnce()
    {
        var storage = _azurite.ConnectionString;
        var environment = new Dictionary<string, string> { ["AzureWebJobsStorage"] = storage };
        await _azurite.StartAsync();
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, environment, "subscribers", "import", Repository.SeedSubscribers)).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, environment, "upload", Repository.Seeds)).ExitCode);
        await Task.Delay(TimeSpan.FromSeconds(7)); // Azurite saves its metadata to --location every few seconds
        _azurite.Stop();

        // dev starts during the outage, with the build due at once.
        using var dev = Process.Start(CliProcess.StartInfo(_dir.Path, new Dictionary<string, string> { ["AzureWebJobsStorage"] = storage }, "dev", "--now", "--no-serve", "--outbox", _dir.Combine("outbox")))!;
        var stdout = dev.StandardOutput.ReadToEndAsync();
        var stderr = dev.StandardError.ReadToEndAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(8));
            Assert.False(dev.HasExited, "dev died during the outage");
            await _azurite.StartAsync();
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(90) && Emails() < 3)
            {
                await Task.Delay(250);
            }

            await Task.Delay(TimeSpan.FromSeconds(3)); // a duplicate would show up by now
            Assert.False(dev.HasExited, "dev exited");
        }
        finally
        {
            dev.Kill(entireProcessTree: true);
            await dev.WaitForExitAsync();
        }

        var log = await stdout + await stderr;
        Assert.Equal(3, Emails());
        // The outage is said once and its end once: by the watch cycles, or, when the store is already down at start,
        // by the wait for the store's signing key (which dev needs before its first cycle).
        Assert.Single(log.Split('\n'), l => l.Contains("A cycle failed", StringComparison.Ordinal) || l.Contains("cannot be reached yet", StringComparison.Ordinal));
        Assert.True(log.Contains("Working again", StringComparison.Ordinal) || log.Contains("the store answers again", StringComparison.Ordinal), log);
        Assert.DoesNotContain("   at ", log);
    }

    private int Emails() => Directory.Exists(_dir.Combine("outbox")) ? Directory.GetFiles(_dir.Combine("outbox"), "*.eml").Length : 0;
}
