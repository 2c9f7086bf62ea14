using Digest.Core.Articles;
using Digest.Core.Stories.Clustering;
using Digest.Core.Stories.Embeddings;

namespace Digest.Core.Tests.Stories;

/// <summary>The clusterer with the semantic view (vectors from <see cref="FakeTextEmbedder"/>).</summary>
public sealed class SemanticClusteringTests
{
    private static async Task<IReadOnlyList<Article>> EmbedAsync(params Article[] articles) =>
        await ArticleEmbeddings.EnsureAsync(articles, new FakeTextEmbedder());

    [Fact]
    public async Task Cluster_SeedArticlesWithVectors_OneStory()
    {
        var folder = Path.Combine(TestArticles.RepositoryRoot(), "seeds", "articles");
        var seeds = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal)
            .Select((path, i) => TestArticles.FromSeed(path, "outlet-" + i, StoryFixtures.Day))
            .ToArray();

        var groups = new StoryClusterer().Cluster(await EmbedAsync(seeds));

        Assert.Equal(2, seeds.Length);
        Assert.Single(groups);
    }

    [Fact]
    public async Task Cluster_SameLeaderDifferentEventsWithVectors_TwoStories()
    {
        var groups = new StoryClusterer().Cluster(await EmbedAsync(StoryFixtures.MissileTest(), StoryFixtures.BeijingVisit()));

        Assert.Equal(2, groups.Count);
    }

    [Fact]
    public async Task Cluster_TwoReportsAndALookAlikeWithVectors_GroupsOnlyTheReports()
    {
        var groups = new StoryClusterer().Cluster(await EmbedAsync(StoryFixtures.BeijingVisit(), StoryFixtures.MissileTest(), StoryFixtures.BeijingVisitOther()));

        Assert.Equal([[0, 2], [1]], groups.Select(g => g.ToArray()));
    }

    [Fact]
    public void Cluster_HeadlinesOnlySameMeaning_Merged()
    {
        // Headline-only items have no names view (no mid-sentence capitals) and few shared words: the embedding
        // and the lower headline threshold decide. Same vector = same meaning here.
        var embedder = new FakeTextEmbedder();
        var meaning = embedder.Embed("central bank raises interest rates inflation");
        var other = embedder.Embed("storm floods coastal villages thousands evacuated");
        Article Headline(string id, string title, float[] vector) =>
            TestArticles.Create(id, title, "Wire", StoryFixtures.Day) with { Embedding = new ArticleEmbedding(embedder.Model, vector) };

        var groups = new StoryClusterer().Cluster(
        [
            Headline("a", "Fed lifts rates again", meaning),
            Headline("b", "Central bank raises borrowing costs", meaning),
            Headline("c", "Storm floods coast", other),
        ]);

        Assert.Equal([[0, 1], [2]], groups.Select(g => g.ToArray()));
    }

    [Fact]
    public async Task Cluster_SomeArticlesWithoutVectors_StillClustered()
    {
        var embedded = await EmbedAsync(StoryFixtures.BeijingVisit(), StoryFixtures.MissileTest());
        var groups = new StoryClusterer().Cluster([embedded[0], embedded[1], StoryFixtures.BeijingVisitOther()]);

        Assert.Equal([[0, 2], [1]], groups.Select(g => g.ToArray()));
    }
}
