using System.Text.Json;
using Digest.Core.Articles;
using Digest.Core.Json;
using Digest.Core.Storage;
using Digest.Core.Stories;
using Digest.Core.Stories.Embeddings;
using Digest.Core.Stories.Persistence;
using Digest.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace Digest.Core.Tests.Stories;

public sealed class StoryComposerTests : IDisposable
{
    private static readonly DateOnly Day1 = StoryFixtures.Day;
    private static readonly DateOnly Day2 = StoryFixtures.Day.AddDays(1);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private StoryComposer Composer(IBlobStore? store = null, ITextEmbedder? embedder = null) =>
        new(store ?? new FileSystemBlobStore(_dir.Path), Options.Create(new StoryComposerOptions()), NullLogger<StoryComposer>.Instance, embedder);

    [Fact]
    public async Task ComposeAsync_WithEmbedder_OneStoryForTheReportsAndOnlyMissingVectorsEmbedded()
    {
        var embedder = new FakeTextEmbedder();
        var stored = (await ArticleEmbeddings.EnsureAsync([StoryFixtures.BeijingVisit()], embedder))[0];

        var stories = await Composer(embedder: embedder).ComposeAsync([stored, StoryFixtures.MissileTest(), StoryFixtures.BeijingVisitOther()], Day1);

        Assert.Equal(2, stories.Count);
        var merged = Assert.Single(stories, s => s.Sources.Count == 2);
        Assert.Equal(["kim-beijing", "kim-beijing-2"], merged.Sources.Select(s => s.ArticleId));
        // The stored vector was reused (1 + 2 article texts); the two-source story's titles and sentences (2 + 4 + 4)
        // were embedded once each, in one call; the single-source story's were not.
        Assert.Equal(1 + 2 + (2 + 4 + 4), embedder.Texts);
        Assert.Equal(3, embedder.Calls);
    }

    [Fact]
    public async Task ComposeAsync_SentenceBudgetTooSmall_StoryMergedLexicallyWithoutEmbeddingSentences()
    {
        var embedder = new FakeTextEmbedder();
        var composer = new StoryComposer(new FileSystemBlobStore(_dir.Path), Options.Create(new StoryComposerOptions { SentenceEmbeddingBudget = 5 }), NullLogger<StoryComposer>.Instance, embedder);

        var stories = await composer.ComposeAsync([StoryFixtures.BeijingVisit(), StoryFixtures.BeijingVisitOther()], Day1);

        Assert.Equal(2, embedder.Texts); // the two articles only
        Assert.NotEmpty(Assert.Single(stories).Summary);
    }

    [Fact]
    public async Task ComposeAsync_WithEmbedderSameDayTwice_SameStories()
    {
        var composer = Composer(embedder: new FakeTextEmbedder());
        Article[] day = [StoryFixtures.BeijingVisit(), StoryFixtures.MissileTest(), StoryFixtures.BeijingVisitOther(), StoryFixtures.Flooding(Day1)];

        var first = await composer.ComposeAsync(day, Day1);
        var second = await composer.ComposeAsync(day, Day1);

        Assert.Equal(first.Select(s => (s.Id, string.Join(",", s.Sources.Select(a => a.ArticleId)))), second.Select(s => (s.Id, string.Join(",", s.Sources.Select(a => a.ArticleId)))));
    }

    [Fact]
    public async Task ComposeAsync_TwoOutletsOneEvent_OneStoryCitingBoth()
    {
        var stories = await Composer().ComposeAsync([StoryFixtures.BeijingVisit(), StoryFixtures.MissileTest(), StoryFixtures.BeijingVisitOther()], Day1);

        Assert.Equal(2, stories.Count);
        var merged = Assert.Single(stories, s => s.Sources.Count == 2);
        Assert.Equal(["kim-beijing", "kim-beijing-2"], merged.Sources.Select(s => s.ArticleId));
        Assert.Equal(["Asia Wire", "Daily Ledger"], merged.Sources.Select(s => s.Outlet));
        Assert.InRange(merged.Summary.Count, 2, 4);
        Assert.False(merged.Developing);
        Assert.Equal(Day1, merged.FirstSeen);
        Assert.Equal(new Uri("https://example.com/kim-beijing"), merged.Sources[0].Url);
    }

    [Fact]
    public async Task ComposeAsync_LaterDayContinuation_JoinsEarlierStoryAsDeveloping()
    {
        var composer = Composer();
        var first = await composer.ComposeAsync([StoryFixtures.BeijingVisit(), StoryFixtures.BeijingVisitOther(), StoryFixtures.MissileTest()], Day1);
        var visit = Assert.Single(first, s => s.Sources.Count == 2);

        var second = await composer.ComposeAsync([StoryFixtures.ParadeNextDay(Day2), StoryFixtures.Flooding(Day2)], Day2);

        var parade = Assert.Single(second, s => s.Sources.Any(a => a.ArticleId == "kim-parade"));
        Assert.Equal(visit.Id, parade.Id);
        Assert.True(parade.Developing);
        Assert.Equal(Day1, parade.FirstSeen);
        var floods = Assert.Single(second, s => s.Sources.Any(a => a.ArticleId == "floods"));
        Assert.False(floods.Developing);
        Assert.Equal(Day2, floods.FirstSeen);
    }

    [Fact]
    public async Task ComposeAsync_SameDayTwice_SameStoriesAndIndex()
    {
        var composer = Composer();
        var store = new FileSystemBlobStore(_dir.Path);
        await composer.ComposeAsync([StoryFixtures.BeijingVisit(), StoryFixtures.MissileTest()], Day1);
        var once = await composer.ComposeAsync([StoryFixtures.ParadeNextDay(Day2)], Day2);
        var indexOnce = (await store.GetAsync(Containers.State, StoryIndexStore.BlobName))!.Content.ToString();

        var twice = await composer.ComposeAsync([StoryFixtures.ParadeNextDay(Day2)], Day2);
        var indexTwice = (await store.GetAsync(Containers.State, StoryIndexStore.BlobName))!.Content.ToString();

        Assert.Equal(once.Select(s => (s.Id, s.Developing, s.FirstSeen)), twice.Select(s => (s.Id, s.Developing, s.FirstSeen)));
        Assert.True(Assert.Single(twice).Developing);
        Assert.Equal(indexOnce, indexTwice);
        var index = JsonSerializer.Deserialize(indexTwice, DigestJsonContext.Stored.StoryIndexDocument)!;
        var parade = Assert.Single(index.Stories, e => e.Days.Count == 2);
        Assert.Equal([Day1, Day2], parade.Days.Select(d => d.Day));
    }

    [Fact]
    public async Task ComposeAsync_OlderThanLookback_NewStory()
    {
        var composer = Composer();
        var old = await composer.ComposeAsync([StoryFixtures.BeijingVisit()], Day1);

        var later = await composer.ComposeAsync([StoryFixtures.ParadeNextDay(Day1.AddDays(30))], Day1.AddDays(30));

        Assert.NotEqual(old[0].Id, later[0].Id);
        Assert.False(later[0].Developing);
    }

    [Fact]
    public async Task ComposeAsync_IndexChangedByAnotherWriter_RetriesWithIfMatch()
    {
        var inner = new FileSystemBlobStore(_dir.Path);
        var store = new Mock<IBlobStore>();
        store.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string c, string n, CancellationToken t) => inner.GetAsync(c, n, t));
        var calls = 0;
        store.Setup(s => s.PutAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<BinaryData>(), It.IsAny<BlobWriteOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((string c, string n, BinaryData d, BlobWriteOptions? o, CancellationToken t) =>
                ++calls == 1 ? Task.FromResult(BlobWriteResult.ConditionFailed) : inner.PutAsync(c, n, d, o, t));

        var stories = await Composer(store.Object).ComposeAsync([StoryFixtures.MissileTest()], Day1);

        Assert.Single(stories);
        Assert.Equal(2, calls);
        store.Verify(s => s.PutAsync(Containers.State, StoryIndexStore.BlobName, It.IsAny<BinaryData>(), It.Is<BlobWriteOptions?>(o => o!.IfNoneMatchAny), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task ComposeAsync_ExistingIndex_WritesWithIfMatchOfVersionRead()
    {
        var store = new FileSystemBlobStore(_dir.Path);
        await Composer(store).ComposeAsync([StoryFixtures.MissileTest()], Day1);
        var etag = (await store.GetPropertiesAsync(Containers.State, StoryIndexStore.BlobName))!.ETag;
        var spy = new Mock<IBlobStore>();
        spy.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string c, string n, CancellationToken t) => store.GetAsync(c, n, t));
        spy.Setup(s => s.PutAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<BinaryData>(), It.IsAny<BlobWriteOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((string c, string n, BinaryData d, BlobWriteOptions? o, CancellationToken t) => store.PutAsync(c, n, d, o, t));

        await Composer(spy.Object).ComposeAsync([StoryFixtures.Flooding(Day2)], Day2);

        spy.Verify(s => s.PutAsync(Containers.State, StoryIndexStore.BlobName, It.IsAny<BinaryData>(), It.Is<BlobWriteOptions?>(o => o!.IfMatch == etag), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ComposeAsync_RerunWithoutAnArticle_ForgetsItsStory()
    {
        var composer = Composer();
        var store = new FileSystemBlobStore(_dir.Path);
        await composer.ComposeAsync([StoryFixtures.MissileTest(), StoryFixtures.Flooding(Day1)], Day1);

        var rerun = await composer.ComposeAsync([StoryFixtures.Flooding(Day1)], Day1);

        Assert.Single(rerun);
        var index = JsonSerializer.Deserialize((await store.GetAsync(Containers.State, StoryIndexStore.BlobName))!.Content.ToString(), DigestJsonContext.Stored.StoryIndexDocument)!;
        Assert.Equal(["floods"], index.Stories.SelectMany(e => e.Days).SelectMany(d => d.ArticleIds));
    }

    [Fact]
    public async Task ComposeAsync_NoArticles_NoStories()
    {
        var stories = await Composer().ComposeAsync([], Day1);

        Assert.Empty(stories);
    }
}
