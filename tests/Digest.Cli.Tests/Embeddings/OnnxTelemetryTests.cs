using Digest.Cli.Tests.Dev;
using Digest.Testing;

namespace Digest.Cli.Tests.Embeddings;

/// <summary>
/// Issue 23: ONNX Runtime (1.29+ on Linux) writes a device id and an event database under
/// ~/.cache/Microsoft/DeveloperTools/.onnxruntime/ and uploads usage events unless ORT_DISABLE_TELEMETRY is set in the
/// native environment before it starts. Real `digest` processes that embed articles, each with a fresh HOME (and XDG
/// cache folder) and the variable empty (as if unset, whatever the machine running the tests has): nothing may appear
/// under that HOME.
/// </summary>
public sealed class OnnxTelemetryTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly OwnAzurite _azurite = new();

    public void Dispose()
    {
        _azurite.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Run_FreshHome_WritesNothingUnderHome()
    {
        var (code, output) = await CliProcess.RunAsync(_dir.Path, FreshHome(), "run", Repository.Seeds, "--subscribers", Repository.SeedSubscribers, "--out", _dir.Combine("out"));

        Assert.True(code == 0, output);
        Assert.True(File.Exists(_dir.Combine("out", "digest.json")), output);
        Assert.Empty(FilesUnderHome());
    }

    [AzuriteFact]
    public async Task DevOnce_FreshHome_WritesNothingUnderHome()
    {
        await _azurite.StartStoreAsync();
        var environment = FreshHome();
        environment["AzureWebJobsStorage"] = _azurite.ConnectionString;
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, environment, "upload", Repository.Seeds)).ExitCode);

        var (code, output) = await CliProcess.RunAsync(_dir.Path, environment, "dev", "--now", "--once", "--outbox", _dir.Combine("outbox"));

        Assert.True(code == 0, output);
        Assert.Contains("parsed", output, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(FilesUnderHome());
    }

    private Dictionary<string, string> FreshHome()
    {
        Directory.CreateDirectory(_dir.Combine("home"));
        return new Dictionary<string, string>
        {
            ["HOME"] = _dir.Combine("home"),
            ["XDG_CACHE_HOME"] = _dir.Combine("home", ".cache"),
            ["ORT_DISABLE_TELEMETRY"] = "",
        };
    }

    private string[] FilesUnderHome() =>
        Directory.GetFileSystemEntries(_dir.Combine("home"), "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(_dir.Combine("home"), p)).ToArray();
}
