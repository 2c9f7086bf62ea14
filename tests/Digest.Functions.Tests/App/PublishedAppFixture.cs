using System.Diagnostics;
using Digest.Functions.Tests.Support;
using Digest.Testing;

namespace Digest.Functions.Tests.App;

/// <summary>Runs scripts/publish-functions.sh once into a temp folder; the tests of this collection inspect and run the result.</summary>
public sealed class PublishedAppFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public string AppRoot => _temp.Combine("functionapp");

    public string Output { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "scripts", "publish-functions.sh"), AppRoot])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DIGEST_PUBLISH_ARTIFACTS"] = _temp.Combine("artifacts");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        Output = await stdout + await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"publish-functions.sh failed ({process.ExitCode}):\n{Output}");
        }
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PublishedAppCollection : ICollectionFixture<PublishedAppFixture>
{
    public const string Name = "published function app";
}
