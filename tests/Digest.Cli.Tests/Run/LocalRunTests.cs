using System.Text;
using System.Text.Json;
using Digest.Cli.Hosting;
using Digest.Cli.Run;
using Digest.Core.Json;
using Digest.Core.Storage;
using Digest.Testing;

namespace Digest.Cli.Tests.Run;

public sealed class LocalRunTests : IDisposable
{
    private static readonly DateOnly Day = new(2025, 9, 2);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private Task<RunReport> RunAsync(params string[] inputs) =>
        new LocalRun(CliConfiguration.Build(new Dictionary<string, string?>()))
            .ExecuteAsync(new RunRequest(inputs, Repository.SeedSubscribers, _dir.Combine("out"), null, Day));

    [Fact]
    public async Task ExecuteAsync_Seeds_OneStoryCitingBothSourcesAndOneEmailPerSubscriber()
    {
        var report = await RunAsync(Repository.Seeds);

        var digest = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(_dir.Combine("out", "digest.json")), DigestJsonContext.Stored.DigestDocument)!;
        var story = Assert.Single(digest.Stories);
        Assert.Equal(2, story.Sources.Count);
        Assert.Contains(story.Sources, s => s.Outlet == "The Post News");
        var unnamed = Assert.Single(story.Sources, s => s.Outlet is null);
        Assert.Equal("Kim Jong Un Arrives in Beijing to Attend China’s Victory Day Military Parade", unnamed.Title);

        var html = await File.ReadAllTextAsync(_dir.Combine("out", "digest.html"));
        var text = await File.ReadAllTextAsync(_dir.Combine("out", "digest.txt"));
        Assert.Contains("The Post News", html);
        Assert.Contains("The Post News", text);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(story.Headline).Replace("&#39;", "&#x27;", StringComparison.Ordinal)[..20], html);

        var emails = Directory.GetFiles(_dir.Combine("out", "outbox"), "*.eml");
        Assert.Equal(3, emails.Length);
        Assert.Equal(3, report.EmailsWritten);
        foreach (var eml in emails.Select(File.ReadAllText))
        {
            // Unfolded (RFC 5322 section 2.2.3): MimeKit folds the long List-Unsubscribe header onto a continuation line.
            var head = eml[..eml.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Replace("\r\n ", " ", StringComparison.Ordinal);
            Assert.Contains("Content-Type: multipart/alternative;", head);
            Assert.Contains("\r\nList-Unsubscribe: <http://localhost:7071/api/unsubscribe?token=", head);
            Assert.Contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click", head);
            Assert.Contains("Content-Type: text/plain; charset=utf-8", eml);
            Assert.Contains("Content-Type: text/html; charset=utf-8", eml);
        }

        Assert.Empty(JsonSerializer.Deserialize(await File.ReadAllBytesAsync(_dir.Combine("out", "rejected.json")), DigestJsonContext.Stored.IReadOnlyListRejection)!);
    }

    [Fact]
    public async Task ExecuteAsync_BadInputsBesideTheSeeds_RejectedWithReasonsAndTheDigestIsStillProduced()
    {
        var inputs = _dir.Combine("inputs");
        Directory.CreateDirectory(inputs);
        foreach (var seed in Directory.GetFiles(Repository.Seeds))
        {
            File.Copy(seed, Path.Combine(inputs, Path.GetFileName(seed)));
        }

        await File.WriteAllBytesAsync(Path.Combine(inputs, "empty.txt"), []);
        await File.WriteAllBytesAsync(Path.Combine(inputs, "image.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
        await File.WriteAllTextAsync(Path.Combine(inputs, "huge.txt"), "Huge headline\n" + new string('a', 20 * 1024 * 1024));
        await File.WriteAllBytesAsync(Path.Combine(inputs, "latin1.txt"), [.. Encoding.ASCII.GetBytes("Caf"), 0xE9, .. Encoding.ASCII.GetBytes(" owner says \x93hello\x94\n\nThe caf"), 0xE9, .. Encoding.ASCII.GetBytes(" opened on Monday in the old town.")]);

        var report = await RunAsync(inputs);

        var rejected = report.Rejected.ToDictionary(r => r.Source, r => r.Reason);
        Assert.Contains("empty.txt", rejected.Keys);
        Assert.Contains("image.png", rejected.Keys);
        Assert.Contains("huge.txt", rejected.Keys);
        Assert.All(rejected.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
        var latin1 = Assert.Single(report.Parsed, p => p.BlobName == "latin1.txt");
        Assert.True(latin1.ArticleId is not null || rejected.ContainsKey("latin1.txt"));
        Assert.True(File.Exists(_dir.Combine("out", "digest.html")));
        var onDisk = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(_dir.Combine("out", "rejected.json")), DigestJsonContext.Stored.IReadOnlyListRejection)!;
        Assert.Equal(report.Rejected.Count, onDisk.Count);
    }

    [Fact]
    public async Task ExecuteAsync_HostileArticle_IsEscapedInHtmlAndCannotInjectHeaders()
    {
        var inputs = _dir.Combine("hostile");
        Directory.CreateDirectory(inputs);
        var json = """
            {"title": "Evil <script>alert(1)</script> \"><img src=x onerror=alert(1)>\r\nBcc: victim@example.com",
             "body": "Body <script>alert(1)</script> and \"><img src=x onerror=alert(1)> end of the story.",
             "source": "Evil <b>Outlet</b>"}
            """;
        await File.WriteAllTextAsync(Path.Combine(inputs, "evil.json"), json);

        await RunAsync(inputs);

        var html = await File.ReadAllTextAsync(_dir.Combine("out", "digest.html"));
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("<b>Outlet", html);
        foreach (var eml in Directory.GetFiles(_dir.Combine("out", "outbox")).Select(File.ReadAllText))
        {
            // Unfolded (RFC 5322 section 2.2.3): MimeKit folds the long List-Unsubscribe header onto a continuation line.
            var head = eml[..eml.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Replace("\r\n ", " ", StringComparison.Ordinal);
            Assert.DoesNotContain("\r\nBcc:", head);
            var htmlPart = eml[eml.IndexOf("Content-Type: text/html", StringComparison.Ordinal)..].Replace("=\r\n", string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert(1)</script>", htmlPart); // the plain-text part may show it literally: it is text
        }
    }

    [Fact]
    public async Task ExecuteAsync_Seeds_WritesTheWebArchiveAndEveryEmailLinksTheDaysPage()
    {
        var storeFolder = _dir.Combine("store");
        await new LocalRun(CliConfiguration.Build(new Dictionary<string, string?> { ["Digest:PublicBaseUrl"] = "https://digest.example.com" }))
            .ExecuteAsync(new RunRequest([Repository.Seeds], Repository.SeedSubscribers, _dir.Combine("out"), storeFolder, Day));

        var store = new FileSystemBlobStore(storeFolder);
        var page = (await store.GetAsync(Containers.Digests, Containers.DigestPage(Day)))!.Content.ToString();
        var index = (await store.GetAsync(Containers.Digests, Containers.ArchiveIndex))!.Content.ToString();
        Assert.Contains("Kim Jong Un", page);
        Assert.DoesNotContain("token=", page); // no subscriber data on the web page
        Assert.Contains("href=\"https://digest.example.com/digests/2025-09-02/index.html\"", index);
        var emails = Directory.GetFiles(_dir.Combine("out", "outbox"), "*.eml").Select(File.ReadAllText).ToArray();
        Assert.NotEmpty(emails);
        Assert.All(emails, eml => Assert.Contains("https://digest.example.com/digests/2025-09-02/index.html", eml.Replace("=\r\n", string.Empty, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ExecuteAsync_MissingInput_Throws()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => RunAsync(_dir.Combine("nope")));
    }

    [Theory]
    [InlineData("digest.txt")]
    [InlineData("digest.html")]
    public async Task ExecuteAsync_Seeds_RenderedDigestMatchesGoldenFile(string file)
    {
        await RunAsync(Repository.Seeds);

        var actual = await File.ReadAllTextAsync(_dir.Combine("out", file));
        var golden = Path.Combine(Repository.Root, "tests", "Digest.Cli.Tests", "Run", "Golden", "seeds." + file);
        if (Environment.GetEnvironmentVariable("DIGEST_UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(golden, actual);
        }

        Assert.Equal(await File.ReadAllTextAsync(golden), actual);
    }

    [Fact]
    public async Task ExecuteAsync_LaterDayArticleOnTheSameStory_JoinsItAndIsMarkedDeveloping()
    {
        var store = _dir.Combine("store");
        var seeds = Directory.GetFiles(Repository.Seeds).Order(StringComparer.Ordinal).ToArray();
        var run = new LocalRun(CliConfiguration.Build(new Dictionary<string, string?>()));

        await run.ExecuteAsync(new RunRequest([seeds[0]], Repository.SeedSubscribers, _dir.Combine("day1"), store, Day));
        await run.ExecuteAsync(new RunRequest([seeds[1]], Repository.SeedSubscribers, _dir.Combine("day2"), store, Day.AddDays(1)));

        var first = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(_dir.Combine("day1", "digest.json")), DigestJsonContext.Stored.DigestDocument)!;
        var second = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(_dir.Combine("day2", "digest.json")), DigestJsonContext.Stored.DigestDocument)!;
        var story = Assert.Single(second.Stories);
        Assert.True(story.Developing);
        Assert.Equal(Assert.Single(first.Stories).Id, story.Id);
        Assert.Equal(Day, story.FirstSeen);
        Assert.Contains("[developing. New today: 1 source; first reported Tue 2 Sep]", await File.ReadAllTextAsync(_dir.Combine("day2", "digest.txt")));
        Assert.Contains("Developing", await File.ReadAllTextAsync(_dir.Combine("day2", "digest.html")));
    }
}

