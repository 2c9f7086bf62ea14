using Digest.Cli.Hosting;
using Digest.Cli.Run;
using Digest.Cli.Tests.Dev;
using Digest.Testing;

namespace Digest.Cli.Tests.Run;

/// <summary>Issue 13, acceptance 4: honest summaries: an empty day sends nothing and says so; the cap is reported.</summary>
public sealed class RunSummaryTests : IDisposable
{
    private static readonly DateOnly Day = new(2025, 9, 2);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ExecuteAsync_NoArticles_SendsNothingAndSaysSo()
    {
        Directory.CreateDirectory(_dir.Combine("empty"));
        await File.WriteAllTextAsync(_dir.Combine("empty", "junk.bin"), "\0\0\0");

        var report = await new LocalRun(CliConfiguration.Build()).ExecuteAsync(new RunRequest([_dir.Combine("empty")], Repository.SeedSubscribers, _dir.Combine("out"), null, Day));

        Assert.True(report.Digest.SkippedEmpty);
        Assert.Equal(0, report.EmailsWritten);
        Assert.False(Directory.Exists(_dir.Combine("out", "outbox")) && Directory.GetFiles(_dir.Combine("out", "outbox"), "*.eml").Length > 0);
        Assert.Contains("\"emptyDaySkipped\":true", RunJson.Format(report));
    }

    [Fact]
    public async Task ExecuteAsync_MoreStoriesThanFullStories_ReportsHowManyWereMovedToOneLiners()
    {
        var inputs = ThreeStories();
        var configuration = CliConfiguration.Build(new Dictionary<string, string?> { ["Digest:FullStories"] = "1" });

        var report = await new LocalRun(configuration).ExecuteAsync(new RunRequest([inputs], Repository.SeedSubscribers, _dir.Combine("out"), null, Day));

        Assert.Equal(3, report.Digest.Stories);
        Assert.Equal(1, report.Digest.StoriesInFull);
        Assert.Equal(2, report.Digest.StoriesInBrief);
        Assert.Equal(0, report.Digest.StoriesOverCap);
        var json = RunJson.Format(report);
        Assert.Contains("\"storiesInFull\":1", json);
        Assert.Contains("\"storiesInBrief\":2", json);
    }

    [Fact]
    public async Task Run_MoreStoriesThanTheCap_SaysHowManyAreInFullInBriefAndLeftOut()
    {
        var inputs = ThreeStories();
        var environment = new Dictionary<string, string> { ["AzureWebJobsStorage"] = "", ["Digest__FullStories"] = "1", ["Digest__MaxStories"] = "2" };

        var (code, output) = await CliProcess.RunAsync(_dir.Path, environment, "run", inputs, "--subscribers", Repository.SeedSubscribers, "--out", _dir.Combine("out"), "--date", "2025-09-02");
        var (jsonCode, json) = await CliProcess.RunAsync(_dir.Path, environment, "run", inputs, "--subscribers", Repository.SeedSubscribers, "--out", _dir.Combine("out-json"), "--date", "2025-09-02", "--json");

        Assert.Equal(0, code);
        Assert.Matches(@"in full \(Digest__FullStories\)\s*[│|]\s*1\s", output);
        Assert.Matches(@"in brief \(one-liners\)\s*[│|]\s*1\s", output);
        Assert.Matches(@"left out\s*[│|]\s*1\s", output);
        Assert.Equal(0, jsonCode);
        Assert.Contains("\"storiesInFull\":1", json);
        Assert.Contains("\"storiesInBrief\":1", json);
        Assert.Contains("\"storiesOverCap\":1", json);
    }

    /// <summary>The seeds (one story, two outlets) and two unrelated one-article stories.</summary>
    private string ThreeStories()
    {
        var inputs = _dir.Combine("in");
        Directory.CreateDirectory(inputs);
        foreach (var seed in Directory.GetFiles(Repository.Seeds))
        {
            File.Copy(seed, Path.Combine(inputs, Path.GetFileName(seed)));
        }

        File.WriteAllText(Path.Combine(inputs, "cafe.txt"), "Cafe owner opens a second shop in Lyon\n\nThe cafe owner Marie Dupont opened a second shop in Lyon on Monday, after ten years in the old town of Annecy.");
        File.WriteAllText(Path.Combine(inputs, "bridge.txt"), "Storm closes the Oresund bridge for six hours\n\nGusts of 140 km/h closed the Oresund bridge between Copenhagen and Malmo for six hours on Tuesday; trains ran with delays.");
        return inputs;
    }

    [Fact]
    public async Task ExecuteAsync_OutboxPathSetting_WritesTheEmailsThere()
    {
        var configuration = CliConfiguration.Build(new Dictionary<string, string?> { ["Email:Outbox:Path"] = _dir.Combine("elsewhere") });

        var report = await new LocalRun(configuration).ExecuteAsync(new RunRequest([Repository.Seeds], Repository.SeedSubscribers, _dir.Combine("out"), null, Day));

        Assert.Equal(3, report.EmailsWritten);
        Assert.Equal(3, Directory.GetFiles(_dir.Combine("elsewhere"), "*.eml").Length);
    }

    [Fact]
    public async Task Run_Quiet_PrintsNothing()
    {
        var (code, output) = await CliProcess.RunAsync(_dir.Path, new Dictionary<string, string> { ["AzureWebJobsStorage"] = "" }, "run", Repository.Seeds, "--subscribers", Repository.SeedSubscribers, "--out", _dir.Combine("out"), "--quiet");

        Assert.Equal(0, code);
        Assert.Equal("", output.Trim());
        Assert.NotEmpty(Directory.GetFiles(_dir.Combine("out", "outbox"), "*.eml"));
    }
}
