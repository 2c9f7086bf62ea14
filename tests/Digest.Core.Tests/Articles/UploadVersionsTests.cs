using System.Text.Json;
using Digest.Core.Articles;
using Digest.Core.Json;
using Digest.Core.Storage;
using Digest.Testing;
using Microsoft.Extensions.Options;

namespace Digest.Core.Tests.Articles;

/// <summary>Issue 19, items 5 and 6: a new version of an upload never destroys an earlier original, and replaces its article.</summary>
public sealed class UploadVersionsTests : IDisposable
{
    private static readonly DateOnly Today = new(2025, 9, 2);
    private readonly TempDirectory _dir = new();
    private readonly FileSystemBlobStore _store;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero));

    public UploadVersionsTests() => _store = new FileSystemBlobStore(_dir.Path);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunAsync_TwoRejectedVersionsOfOneName_QuarantineKeepsBothOriginals()
    {
        var job = Job();
        await _store.PutAsync(Containers.Articles, "report.html", BinaryData.FromString("<p>editor A: no headline</p>"));
        await job.RunAsync("report.html");
        await _store.PutAsync(Containers.Articles, "report.html", BinaryData.FromString("<p>editor B: no headline either</p>"));
        await job.RunAsync("report.html");

        var originals = new List<string>();
        await foreach (var blob in _store.ListAsync(Containers.Quarantine))
        {
            if (!blob.Name.EndsWith(".reason.json", StringComparison.Ordinal))
            {
                originals.Add((await _store.GetAsync(Containers.Quarantine, blob.Name))!.Content.ToString());
            }
        }

        Assert.Equal(["<p>editor A: no headline</p>", "<p>editor B: no headline either</p>"], originals.Order());
        Assert.Equal("<p>editor B: no headline either</p>", (await _store.GetAsync(Containers.Quarantine, "report.html"))!.Content.ToString());
    }

    [Fact]
    public async Task RunAsync_NewVersionOfParsedArticle_OneArticleInTheDay_IdenticalUploadElsewhereKept()
    {
        var job = Job();
        const string First = "Council Passes Budget\nThe council approved the new budget on Tuesday after a long debate, officials said.";
        await _store.PutAsync(Containers.Articles, "story.txt", BinaryData.FromString(First));
        await _store.PutAsync(Containers.Articles, "copy.txt", BinaryData.FromString(First));
        await job.RunAsync("story.txt");
        var copy = await job.RunAsync("copy.txt"); // same content, same article id, now sourced from copy.txt

        await _store.PutAsync(Containers.Articles, "story.txt", BinaryData.FromString(First + "\nThe mayor welcomed the vote."));
        var second = await job.RunAsync("story.txt");

        var parsed = new List<string>();
        await foreach (var blob in _store.ListAsync(Containers.Parsed))
        {
            parsed.Add(blob.Name);
        }

        Assert.Equal(new[] { Containers.ParsedArticle(Today, copy.ArticleId!), Containers.ParsedArticle(Today, second.ArticleId!) }.Order(), parsed.Order());
        var article = JsonSerializer.Deserialize((await _store.GetAsync(Containers.Parsed, Containers.ParsedArticle(Today, second.ArticleId!)))!.Content.ToMemory().Span, DigestJsonContext.Stored.Article)!;
        Assert.Contains("mayor", article.BodyText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/../../b.txt")]
    [InlineData("a/./b.txt")]
    [InlineData("a//b.txt")]
    public async Task RunAsync_NameNoStoreReads_QuarantinedWithReason(string name)
    {
        var outcome = await Job().RunAsync(name);

        Assert.Equal(ParseOutcomeKind.Quarantined, outcome.Kind);
        Assert.Equal("invalid-name", Assert.Single(outcome.Diagnostics).Code);
        var (rejection, _) = await _store.ReadAsync(Containers.Quarantine, Containers.QuarantineReason(name), DigestJsonContext.Stored.Rejection);
        Assert.Equal(name, rejection!.Source);
        Assert.True(BlobNames.IsValid(ParseReceipt.BlobNameFor(name, "\"x\"")));
    }

    private ParseArticleJob Job() => new(_store, new ArticleParser(), Options.Create(new DigestOptions()), _time);
}
