using System.Text;
using System.Text.Json;
using Digest.Core.Articles;
using Digest.Core.Json;
using Digest.Core.Storage;
using Digest.Core.Stories.Embeddings;
using Digest.Core.Tests.Stories;
using Digest.Testing;
using Microsoft.Extensions.Options;

namespace Digest.Core.Tests.Articles;

public sealed class ParseArticleJobTests : IDisposable
{
    private const string Story = "Council Passes Budget\nThe council approved the new budget on Tuesday after a long debate, officials said.";
    private static readonly DateOnly Today = new(2025, 9, 2);

    private readonly TempDirectory _dir = new();
    private readonly FileSystemBlobStore _store;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero));

    public ParseArticleJobTests() => _store = new FileSystemBlobStore(_dir.Path);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunAsync_NewUpload_ParsedAndStoredUnderDay()
    {
        await UploadAsync("story.txt", Story);

        var outcome = await Job().RunAsync("story.txt");

        Assert.Equal(ParseOutcomeKind.Parsed, outcome.Kind);
        Assert.Equal(Today, outcome.Day);
        var stored = await _store.GetAsync(Containers.Parsed, Containers.ParsedArticle(Today, outcome.ArticleId!));
        var article = JsonSerializer.Deserialize(stored!.Content.ToMemory().Span, DigestJsonContext.Stored.Article)!;
        Assert.Equal("Council Passes Budget", article.Title);
        Assert.Equal("story.txt", article.SourceName);
    }

    [Fact]
    public async Task RunAsync_WithEmbedder_StoresTheArticleVector()
    {
        await UploadAsync("story.txt", Story);
        var embedder = new FakeTextEmbedder();
        var job = new ParseArticleJob(_store, new ArticleParser(), Options.Create(new DigestOptions()), _time, embedder: embedder);

        var outcome = await job.RunAsync("story.txt");

        var stored = await _store.GetAsync(Containers.Parsed, Containers.ParsedArticle(Today, outcome.ArticleId!));
        var article = JsonSerializer.Deserialize(stored!.Content.ToMemory().Span, DigestJsonContext.Stored.Article)!;
        Assert.Equal(embedder.Model, article.Embedding!.Model);
        Assert.Equal(embedder.Embed(EmbeddingText.For(article)), article.Embedding.Vector, new ToleranceComparer(0.001f));
        Assert.Equal(1, embedder.Calls);
    }

    [Fact]
    public async Task RunAsync_LeadNamesADay_StoresItResolvedAgainstThePublicationDay()
    {
        // Issue 21: the days a headline and lead name are grouping evidence, computed once at parse time like the vector.
        await UploadAsync("follow-up.json", """{"title": "Man wounded in Nov. 2 shooting dies", "published": "2016-11-22T15:00:00Z", "body": "Fred Duhart, 38, wounded in a shooting last month at 22nd and Bragg, died on Sunday."}""");

        var outcome = await Job().RunAsync("follow-up.json");

        var stored = await _store.GetAsync(Containers.Parsed, Containers.ParsedArticle(outcome.Day, outcome.ArticleId!));
        var json = stored!.Content.ToString();
        var article = JsonSerializer.Deserialize(stored.Content.ToMemory().Span, DigestJsonContext.Stored.Article)!;
        Assert.Equal([new DayRange(new DateOnly(2016, 11, 2), new DateOnly(2016, 11, 2))], article.NamedDays);
        Assert.Contains("\"namedDays\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PublishedOnTheCalendarsFirstDay_ParsedWithoutNamedDays()
    {
        await UploadAsync("old.json", """{"title": "Fire on Jan. 2", "published": "0001-01-01", "body": "The fire last December began in a kitchen."}""");

        var outcome = await Job().RunAsync("old.json");

        Assert.Equal(ParseOutcomeKind.Parsed, outcome.Kind);
        var stored = await _store.GetAsync(Containers.Parsed, Containers.ParsedArticle(outcome.Day, outcome.ArticleId!));
        Assert.Empty(JsonSerializer.Deserialize(stored!.Content.ToMemory().Span, DigestJsonContext.Stored.Article)!.NamedDays!);
    }

    private sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }

    [Fact]
    public async Task RunAsync_SameVersionTwice_SecondAlreadyProcessed()
    {
        await UploadAsync("story.txt", Story);
        var job = Job();

        var first = await job.RunAsync("story.txt");
        var parsedPath = Path.Combine(_dir.Path, Containers.Parsed, "2025-09-02", first.ArticleId + ".json");
        File.Delete(parsedPath);
        var second = await job.RunAsync("story.txt");

        Assert.Equal(ParseOutcomeKind.Parsed, first.Kind);
        Assert.Equal(ParseOutcomeKind.AlreadyProcessed, second.Kind);
        Assert.False(File.Exists(parsedPath), "an already-processed version must not be written again");
        var receipts = await ListAsync(Containers.State, "receipts/articles/story.txt/");
        var receipt = JsonSerializer.Deserialize((await _store.GetAsync(Containers.State, Assert.Single(receipts)))!.Content.ToMemory().Span, DigestJsonContext.Stored.ParseReceipt)!;
        Assert.Equal(ParseOutcomeKind.Parsed, receipt.Kind);
        Assert.Equal(first.ArticleId, receipt.ArticleId);
    }

    [Fact]
    public async Task RunAsync_ChangedContent_NewArticleReplacesTheEarlierOneInTheDay()
    {
        await UploadAsync("story.txt", Story);
        var job = Job();
        var first = await job.RunAsync("story.txt");

        await UploadAsync("story.txt", Story + "\nThe mayor welcomed the vote.");
        var second = await job.RunAsync("story.txt");

        Assert.Equal(ParseOutcomeKind.Parsed, second.Kind);
        Assert.NotEqual(first.ArticleId, second.ArticleId);
        Assert.Equal(2, (await ListAsync(Containers.State, "receipts/articles/story.txt/")).Count);
        Assert.Equal(Containers.ParsedArticle(Today, second.ArticleId!), Assert.Single(await ListAsync(Containers.Parsed, "2025-09-02/")));
    }

    [Fact]
    public async Task RunAsync_CorruptBlob_QuarantinedOnceWithReasonAndOriginalKept()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x01, 0x02];
        await _store.PutAsync(Containers.Articles, "desk/photo.txt", BinaryData.FromBytes(png), new BlobWriteOptions { ContentType = "text/plain" });
        var job = Job();

        var first = await job.RunAsync("desk/photo.txt");
        _time.Advance(TimeSpan.FromMinutes(5));
        var second = await job.RunAsync("desk/photo.txt");

        Assert.Equal(ParseOutcomeKind.Quarantined, first.Kind);
        Assert.Contains("binary", first.Reason, StringComparison.Ordinal);
        Assert.Equal(ParseOutcomeKind.AlreadyProcessed, second.Kind);
        Assert.Equal(png, (await _store.GetAsync(Containers.Quarantine, "desk/photo.txt"))!.Content.ToArray());
        Assert.Equal(png, (await _store.GetAsync(Containers.Articles, "desk/photo.txt"))!.Content.ToArray());
        var reasonBlob = await _store.GetAsync(Containers.Quarantine, Containers.QuarantineReason("desk/photo.txt"));
        var rejection = JsonSerializer.Deserialize(reasonBlob!.Content.ToMemory().Span, DigestJsonContext.Stored.Rejection)!;
        Assert.Equal("desk/photo.txt", rejection.Source);
        Assert.Equal(first.Reason, rejection.Reason);
        Assert.Equal(png.Length, rejection.Length);
        Assert.Equal(_time.GetUtcNow() - TimeSpan.FromMinutes(5), rejection.RejectedAt);
        Assert.Equal("binary-input", Assert.Single(rejection.Diagnostics).Code);
        Assert.Empty(await ListAsync(Containers.Parsed));
    }

    [Fact]
    public async Task RunAsync_FixedVersionOfRejectedUpload_ParsedAndEarlierQuarantineEntryKeptAside()
    {
        await UploadAsync("story.json", "{\"title\": \"Council Passes Budget\", \"body\": ");
        var job = Job();
        var rejected = await job.RunAsync("story.json");

        await UploadAsync("story.json", "{\"title\": \"Council Passes Budget\", \"body\": \"The council approved it.\"}");
        var parsed = await job.RunAsync("story.json");

        Assert.Equal(ParseOutcomeKind.Quarantined, rejected.Kind);
        Assert.Equal(ParseOutcomeKind.Parsed, parsed.Kind);
        Assert.Null(await _store.GetPropertiesAsync(Containers.Quarantine, Containers.QuarantineReason("story.json")));
        Assert.Equal(2, (await ListAsync(Containers.Quarantine, "story.json~")).Count); // the rejected original and its reason
        Assert.NotNull(await _store.GetPropertiesAsync(Containers.Articles, "story.json"));
    }

    [Fact]
    public async Task RunAsync_TwentyMegabyteText_RejectedAsTooLarge()
    {
        var line = Encoding.UTF8.GetBytes("A line of text that repeats until the file is far too large to be an article.\n");
        var big = new byte[20 * 1024 * 1024];
        for (var i = 0; i < big.Length; i += line.Length)
        {
            line.AsSpan(0, Math.Min(line.Length, big.Length - i)).CopyTo(big.AsSpan(i));
        }

        await _store.PutAsync(Containers.Articles, "huge.txt", BinaryData.FromBytes(big));

        var outcome = await Job().RunAsync("huge.txt");

        Assert.Equal(ParseOutcomeKind.Quarantined, outcome.Kind);
        Assert.Equal("too-large", Assert.Single(outcome.Diagnostics).Code);
        Assert.Contains("20,971,520", outcome.Reason, StringComparison.Ordinal);
        Assert.NotNull(await _store.GetPropertiesAsync(Containers.Quarantine, "huge.txt"));
    }

    [Fact]
    public async Task RunAsync_ConfiguredLimit_Honoured()
    {
        await UploadAsync("story.txt", Story);

        var outcome = await Job(new DigestOptions { MaxArticleBytes = 50 }).RunAsync("story.txt");

        Assert.Equal(ParseOutcomeKind.Quarantined, outcome.Kind);
        Assert.Equal("too-large", outcome.Diagnostics[0].Code);
    }

    [Fact]
    public async Task RunAsync_MissingBlob_Missing()
    {
        var outcome = await Job().RunAsync("nothing-here.txt");

        Assert.Equal(ParseOutcomeKind.Missing, outcome.Kind);
        Assert.Empty(await ListAsync(Containers.State));
    }

    [Fact]
    public async Task RunAsync_DayInConfiguredTimeZone()
    {
        await UploadAsync("story.txt", Story);
        _time.SetUtcNow(new DateTimeOffset(2025, 9, 2, 23, 30, 0, TimeSpan.Zero));

        var outcome = await Job(new DigestOptions { TimeZone = "Europe/Berlin" }).RunAsync("story.txt");

        Assert.Equal(new DateOnly(2025, 9, 3), outcome.Day);
        Assert.NotNull(await _store.GetPropertiesAsync(Containers.Parsed, Containers.ParsedArticle(new DateOnly(2025, 9, 3), outcome.ArticleId!)));
    }

    [Fact]
    public async Task RunAsync_StoreFailsBeforeReceipt_NextRunProcessesAgain()
    {
        await UploadAsync("story.txt", Story);
        var failing = new FailingReceiptStore(_store);
        var job = new ParseArticleJob(failing, new ArticleParser(), Options.Create(new DigestOptions()), _time);

        await Assert.ThrowsAsync<IOException>(() => job.RunAsync("story.txt"));
        failing.Fail = false;
        var retry = await job.RunAsync("story.txt");

        Assert.Equal(ParseOutcomeKind.Parsed, retry.Kind);
        Assert.Single(await ListAsync(Containers.State, "receipts/"));
    }

    [Fact]
    public void BlobNameFor_LongName_StaysWithinLimit()
    {
        var name = ParseReceipt.BlobNameFor(new string('a', 1020), "\"0x8DC\"");

        Assert.True(BlobNames.IsValid(name));
        Assert.NotEqual(name, ParseReceipt.BlobNameFor(new string('a', 1020), "\"0x8DD\""));
    }

    private ParseArticleJob Job(DigestOptions? options = null)
    {
        options ??= new DigestOptions();
        return new ParseArticleJob(_store, new ArticleParser(Options.Create(options)), Options.Create(options), _time);
    }

    private Task UploadAsync(string name, string text) =>
        _store.PutAsync(Containers.Articles, name, BinaryData.FromString(text));

    private async Task<List<string>> ListAsync(string container, string? prefix = null)
    {
        var names = new List<string>();
        await foreach (var blob in _store.ListAsync(container, prefix))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>A store whose receipt writes fail, standing in for a crash between storing the outcome and the receipt.</summary>
    private sealed class FailingReceiptStore(IBlobStore inner) : IBlobStore
    {
        public bool Fail { get; set; } = true;

        public Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken = default) => inner.GetAsync(container, name, cancellationToken);

        public Task<BlobProperties?> GetPropertiesAsync(string container, string name, CancellationToken cancellationToken = default) => inner.GetPropertiesAsync(container, name, cancellationToken);

        public Task<BlobWriteResult> PutAsync(string container, string name, BinaryData content, BlobWriteOptions? options = null, CancellationToken cancellationToken = default) =>
            Fail && container == Containers.State ? throw new IOException("simulated storage failure") : inner.PutAsync(container, name, content, options, cancellationToken);

        public Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default) => inner.DeleteAsync(container, name, cancellationToken);

        public IAsyncEnumerable<BlobProperties> ListAsync(string container, string? prefix = null, CancellationToken cancellationToken = default) => inner.ListAsync(container, prefix, cancellationToken);
    }
}
