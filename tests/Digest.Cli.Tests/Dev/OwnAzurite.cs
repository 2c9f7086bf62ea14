using System.Diagnostics;
using Digest.Azure;
using Digest.Testing;

namespace Digest.Cli.Tests.Dev;

/// <summary>
/// A test's own Azurite (the pinned tools/ one) on free 127.0.0.1 ports with its own data folder (deleted on dispose):
/// empty at the start, so tests that use Digest's real container names run side by side, and the test can stop it and
/// start it again on the same ports and data (outage tests).
/// </summary>
internal sealed class OwnAzurite : IDisposable
{
    // The well-known Azurite development key (public, documented; not a secret).
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly int _blob = LocalPorts.Free();
    private readonly int _queue = LocalPorts.Free();
    private readonly TempDirectory _location = new();
    private Process? _process;

    public string ConnectionString => $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};BlobEndpoint=http://127.0.0.1:{_blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_queue}/devstoreaccount1;";

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Path.Combine(Repository.Root, "tools", "node_modules", ".bin", "azurite"));
        foreach (var arg in new[] { "--silent", "--skipApiVersionCheck", "--loose", "--location", _location.Path, "--blobHost", "127.0.0.1", "--blobPort", $"{_blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{_queue}", "--tableHost", "127.0.0.1", "--tablePort", $"{LocalPorts.Free()}" })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        await LocalPorts.WaitForListenerAsync(_blob, "Azurite");
        await LocalPorts.WaitForListenerAsync(_queue, "Azurite");
    }

    /// <summary>Starts it (empty, the first time) and returns a store over it.</summary>
    public async Task<AzureBlobStore> StartStoreAsync()
    {
        await StartAsync();
        return new AzureBlobStore(StorageSettings.FromConnectionString(ConnectionString).CreateBlobServiceClient());
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>
    /// Stops it as an outage that loses nothing: SIGTERM, so Azurite saves the writes it acknowledged (a SIGKILL loses
    /// the last few seconds of its metadata, which no real store does); SIGKILL if it has not exited within 10 s.
    /// </summary>
    public async Task StopGracefullyAsync()
    {
        if (_process is not { HasExited: false })
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", $"{_process.Id}"]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Stop();
        }
    }

    public void Dispose()
    {
        Stop();
        _location.Dispose();
    }
}
