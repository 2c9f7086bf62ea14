using System.Text.Json;
using Digest.Testing;

namespace Digest.Cli.Tests.Dev;

/// <summary>Issue 13: `dev --once` says how many stories the built digest shows in full and as one-liners, also as --json.</summary>
public sealed class DevSummaryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("8", 1, 0)]
    [InlineData("0", 0, 1)]
    public async Task DevOnce_Json_CountsStoriesInFullAndInBrief(string fullStories, int inFull, int inBrief)
    {
        var environment = new Dictionary<string, string> { ["AzureWebJobsStorage"] = "", ["Digest__FullStories"] = fullStories };
        string[] store = ["--store", _dir.Combine("store")];
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, environment, ["subscribers", "import", Repository.SeedSubscribers, .. store])).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, environment, ["upload", Repository.Seeds, .. store])).ExitCode);

        var (code, output) = await CliProcess.RunAsync(_dir.Path, environment, ["dev", "--now", "--once", "--json", "--outbox", _dir.Combine("outbox"), .. store]);

        Assert.Equal(0, code);
        var report = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
        Assert.Equal(1, report.GetProperty("DigestsBuilt").GetInt32());
        Assert.Equal(3, report.GetProperty("EmailsSent").GetInt32());
        Assert.Equal(inFull, report.GetProperty("StoriesInFull").GetInt32());
        Assert.Equal(inBrief, report.GetProperty("StoriesInBrief").GetInt32());
        Assert.Equal(0, report.GetProperty("StoriesOverCap").GetInt32());
    }

    [Fact]
    public async Task DevOnce_Human_SaysStoriesInFullAndInBrief()
    {
        var environment = new Dictionary<string, string> { ["AzureWebJobsStorage"] = "", ["Digest__FullStories"] = "0" };
        string[] store = ["--store", _dir.Combine("store")];
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, environment, ["subscribers", "import", Repository.SeedSubscribers, .. store])).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, environment, ["upload", Repository.Seeds, .. store])).ExitCode);

        var (code, output) = await CliProcess.RunAsync(_dir.Path, environment, ["dev", "--now", "--once", "--outbox", _dir.Combine("outbox"), .. store]);

        Assert.Equal(0, code);
        var summary = Assert.Single(output.Split('\n'), l => l.StartsWith("articles: ", StringComparison.Ordinal)); // one line: a pipe is not wrapped at 80 columns
        Assert.Contains("digests built: 1", summary);
        Assert.Contains("stories: 0 in full, 1 in brief (one-liners)", summary);
    }
    [Fact]
    public async Task DevNow_DayBuiltBeforeItsUploads_IsComposedAgainThenSaysItWasBuiltAndHowToRebuild()
    {
        var environment = new Dictionary<string, string> { ["AzureWebJobsStorage"] = "" };
        string[] store = ["--store", _dir.Combine("store")];
        string[] dev = ["dev", "--now", "--once", "--outbox", _dir.Combine("outbox"), .. store];
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, environment, ["subscribers", "import", Repository.SeedSubscribers, .. store])).ExitCode);
        var (early, earlyOutput) = await CliProcess.RunAsync(_dir.Path, environment, dev); // storage came up before the uploads
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, environment, ["upload", Repository.Seeds, .. store])).ExitCode);

        var (code, output) = await CliProcess.RunAsync(_dir.Path, environment, dev);
        var (_, third) = await CliProcess.RunAsync(_dir.Path, environment, dev);

        Assert.True(early == 0, earlyOutput);
        Assert.True(code == 0, output);
        Assert.Contains("digests built: 1", output);
        Assert.Contains("(3 emails)", output);
        Assert.Equal(3, Directory.GetFiles(_dir.Combine("outbox"), "*.eml").Length);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"{today} was already built (1 story): `digest build --day {today} --rebuild` composes it again", third);
    }
}
