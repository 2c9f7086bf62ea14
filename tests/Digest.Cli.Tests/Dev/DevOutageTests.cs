using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Digest.Testing;

namespace Digest.Cli.Tests.Dev;

/// <summary>
/// Issue 13, acceptance 2: a watching `digest dev` survives Azurite going away and coming back, and the day is then
/// delivered exactly once. Uses its own Azurite process (on free ports, its own data folder) so it can stop it.
/// </summary>
public sealed class DevOutageTests : IDisposable
{
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly TempDirectory _dir = new();
    private readonly int _blob = FreePort();
    private readonly int _queue = FreePort();
    private Process? _azurite;

    public void Dispose()
    {
        Stop(_azurite);
        _dir.Dispose();
    }

    [AzuriteFact]
    public async Task Dev_AzuriteStoppedAndRestarted_ResumesAndDeliversOnce()
    {
        var storage = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};BlobEndpoint=http://127.0.0.1:{_blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_queue}/devstoreaccount1;";
        var environment = new Dictionary<string, string> { ["AzureWebJobsStorage"] = storage };
        await StartAzuriteAsync();
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, environment, "subscribers", "import", Repository.SeedSubscribers)).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, environment, "upload", Repository.Seeds)).ExitCode);
        await Task.Delay(TimeSpan.FromSeconds(7)); // Azurite saves its metadata to --location every few seconds
        Stop(_azurite);

        // dev starts during the outage, with the build due at once.
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "digest.dll"), "dev", "--now", "--no-serve", "--outbox", _dir.Combine("outbox") })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["AzureWebJobsStorage"] = storage;
        using var dev = Process.Start(start)!;
        var stdout = dev.StandardOutput.ReadToEndAsync();
        var stderr = dev.StandardError.ReadToEndAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(8));
            Assert.False(dev.HasExited, "dev died during the outage");
            await StartAzuriteAsync();
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
        Assert.Single(log.Split('\n'), l => l.Contains("A cycle failed", StringComparison.Ordinal));
        Assert.Contains("Working again", log);
        Assert.DoesNotContain("   at ", log);
    }

    private int Emails() => Directory.Exists(_dir.Combine("outbox")) ? Directory.GetFiles(_dir.Combine("outbox"), "*.eml").Length : 0;

    private async Task StartAzuriteAsync()
    {
        var start = new ProcessStartInfo(Path.Combine(Repository.Root, "tools", "node_modules", ".bin", "azurite"));
        foreach (var arg in new[] { "--silent", "--skipApiVersionCheck", "--loose", "--location", _dir.Combine("azurite"), "--blobHost", "127.0.0.1", "--blobPort", $"{_blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{_queue}", "--tableHost", "127.0.0.1", "--tablePort", $"{FreePort()}" })
        {
            start.ArgumentList.Add(arg);
        }

        _azurite = Process.Start(start)!;
        for (var i = 0; i < 150; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, _queue);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException("Azurite did not start.");
    }

    private static void Stop(Process? process)
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
