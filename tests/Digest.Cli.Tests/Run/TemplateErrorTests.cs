using Digest.Cli.Tests.Dev;
using Digest.Testing;

namespace Digest.Cli.Tests.Run;

/// <summary>A broken template override is the user's mistake: one line with file, line and column, not a crash report.</summary>
public sealed class TemplateErrorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_BrokenOverrideInTheStoresTemplatesFolder_OneLineWithFileLineAndColumn()
    {
        // Where an override goes on the file system: STORE/templates/<name>, as in the templates container.
        var partial = _dir.Combine("store", "templates", "partials", "story.sbn-txt");
        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        await File.WriteAllTextAsync(partial, "{{ story.headline }}\n\n  {{ story.headlin }}\n");

        var (code, output) = await CliProcess.RunAsync(_dir.Path, new Dictionary<string, string> { ["AzureWebJobsStorage"] = "" },
            "run", Repository.Seeds, "--subscribers", Repository.SeedSubscribers, "--out", _dir.Combine("out"), "--store", _dir.Combine("store"), "--date", "2025-09-02");

        Assert.Equal(1, code);
        var error = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.StartsWith("error: template error in partials/story.sbn-txt(3,12) [override from the templates container]: ", error);
        Assert.Contains("fix the template", error);
        Assert.DoesNotContain("unexpected", output);
        Assert.DoesNotContain("   at ", output); // no stack trace
        Assert.Empty(Directory.Exists(_dir.Combine("out", "outbox")) ? Directory.GetFiles(_dir.Combine("out", "outbox")) : []);
    }
}
