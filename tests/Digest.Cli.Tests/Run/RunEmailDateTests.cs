using Digest.Cli.Tests.Dev;
using Digest.Testing;
using MimeKit;

namespace Digest.Cli.Tests.Run;

/// <summary>`digest run` for today dates its emails with the real time, not noon of the day.</summary>
public sealed class RunEmailDateTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_Today_EmailsDatedNow()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var (code, output) = await CliProcess.RunAsync(_dir.Path, new Dictionary<string, string> { ["AzureWebJobsStorage"] = "" },
            "run", Repository.Seeds, "--subscribers", Repository.SeedSubscribers, "--out", _dir.Combine("out"));
        var after = DateTimeOffset.UtcNow.AddSeconds(1);

        Assert.True(code == 0, output);
        foreach (var file in Directory.GetFiles(_dir.Combine("out", "outbox"), "*.eml"))
        {
            var date = (await MimeMessage.LoadAsync(file)).Date;
            Assert.InRange(date.ToUniversalTime(), before.AddSeconds(-1), after); // Date has whole seconds
        }
    }
}
