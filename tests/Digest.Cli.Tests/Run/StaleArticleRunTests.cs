using System.Text.Json;
using Digest.Cli.Tests.Dev;
using Digest.Testing;

namespace Digest.Cli.Tests.Run;

/// <summary>
/// `digest run` leaves articles published more than Digest__MaxArticleAgeDays (3) before the digest day out of its
/// stories, lists them with the reason in rejected.json, and `status` says so; a bad subscribers file stops the run
/// before any article is parsed.
/// </summary>
public sealed class StaleArticleRunTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_ArticleFrom2013_LeftOutWithTheReasonInRejectedJsonAndStatus()
    {
        var inputs = _dir.Combine("in");
        Directory.CreateDirectory(inputs);
        await File.WriteAllTextAsync(Path.Combine(inputs, "old.md"), "---\ntitle: Harbour bridge opens to traffic\ndate: 2013-05-01\noutlet: The Old Times\n---\nThe harbour bridge opened to traffic on Wednesday after four years of work.\n");
        var env = new Dictionary<string, string> { ["AzureWebJobsStorage"] = "" };

        var (code, output) = await CliProcess.RunAsync(_dir.Path, env, "run", Repository.Seeds, inputs, "--subscribers", Repository.SeedSubscribers, "--out", _dir.Combine("out"), "--date", "2025-09-02");
        var (_, status) = await CliProcess.RunAsync(_dir.Path, env, "status", "--store", _dir.Combine("out", ".store"), "--day", "2025-09-02");

        Assert.True(code == 0, output);
        var digest = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.Combine("out", "digest.json"))).RootElement;
        Assert.Equal(1, digest.GetProperty("stories").GetArrayLength()); // the seeds' story only
        var rejected = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.Combine("out", "rejected.json"))).RootElement.EnumerateArray().ToArray();
        var stale = Assert.Single(rejected);
        Assert.Equal("old.md", stale.GetProperty("source").GetString());
        Assert.StartsWith("stale: published 2013-05-01, 4507 days before the digest day 2025-09-02 (more than Digest__MaxArticleAgeDays = 3)", stale.GetProperty("reason").GetString());
        Assert.Contains("left out: old.md: stale: published 2013-05-01", status);
    }

    [Fact]
    public async Task Run_BadSubscribersFile_StopsBeforeParsingAnyArticle()
    {
        var subscribers = _dir.Combine("subscribers.json");
        await File.WriteAllTextAsync(subscribers, "[{\"email\": ");

        var (code, output) = await CliProcess.RunAsync(_dir.Path, new Dictionary<string, string> { ["AzureWebJobsStorage"] = "" },
            "run", Repository.Seeds, "--subscribers", subscribers, "--out", _dir.Combine("out"), "--store", _dir.Combine("store"), "--date", "2025-09-02");

        Assert.True(code == 1, output);
        Assert.Contains("subscribers.json", output);
        Assert.False(Directory.Exists(_dir.Combine("store", "parsed")) && Directory.EnumerateFiles(_dir.Combine("store", "parsed"), "*", SearchOption.AllDirectories).Any(), output);
    }
}
