using Digest.Core.Articles;
using Digest.Core.Stories.Merging;

namespace Digest.Core.Tests.Stories;

public sealed class StoryMergerTests
{
    private static readonly DateOnly SeedDay = new(2025, 9, 2);

    [Fact]
    public async Task Merge_Seeds_FirstSentenceIsTheArrivalForTheParadeAndAdditionsAreDistinct()
    {
        var seeds = Directory.GetFiles(Path.Combine(TestArticles.RepositoryRoot(), "seeds", "articles")).Order(StringComparer.Ordinal).ToArray();
        var articles = new[] { TestArticles.FromSeed(seeds[0], "The Post News", SeedDay), TestArticles.FromSeed(seeds[1], "Other", SeedDay) };

        foreach (var merged in new[] { StoryMerger.Merge(articles), await MergeWithFakeEmbedderAsync(articles) })
        {
            var first = merged.Summary[0];
            Assert.Contains("Kim Jong Un", first);
            Assert.Contains("arrived in Beijing", first);
            Assert.Contains("Victory Day", first);
            Assert.InRange(merged.Summary.Sum(Words), 1, SummaryWriter.MaxWords);
            Assert.All(merged.Additions.OfType<string>(), a => Assert.InRange(Words(a), 1, AdditionPicker.MaxWords));
            if (merged.Additions.All(a => a is not null))
            {
                Assert.True(TextBag.Of(merged.Additions[0]!).Cosine(TextBag.Of(merged.Additions[1]!).Stems) < 0.3f, string.Join(" / ", merged.Additions));
            }
        }
    }

    [Fact]
    public void Merge_SourcesDisagree_CorroboratedFactFirst()
    {
        // Two outlets agree the ferry sank with 40 aboard; a third leads with a claim nobody else makes.
        var a = TestArticles.Create("a", "Ferry sinks off Crete", "Wire", SeedDay,
            "A passenger ferry carrying 40 people sank off the coast of Crete on Monday, the Greek coast guard said.",
            "Rescue boats pulled 35 survivors from the water.");
        var b = TestArticles.Create("b", "Greek ferry with 40 aboard sinks near Crete", "Post", SeedDay,
            "A ferry with 40 people aboard sank near Crete on Monday, according to the Greek coast guard.",
            "The cause of the sinking is not yet known.");
        var c = TestArticles.Create("c", "Sabotage feared in ferry sinking", "Ledger", SeedDay,
            "Local fishermen blamed sabotage by a rival shipping company for the disaster, without offering evidence.",
            "A ferry sank off Crete on Monday with 40 people on board, the coast guard said.");

        var merged = StoryMerger.Merge([c, a, b]);

        Assert.Contains("40", merged.Summary[0]);
        Assert.DoesNotContain(merged.Summary, s => s.Contains("sabotage", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Merge_SingleSource_LeadWithinTheLimitAndNoAdditions()
    {
        var article = StoryFixtures.MissileTest();

        var merged = StoryMerger.Merge([article]);

        Assert.Equal(article.Title, merged.Headline);
        Assert.Null(Assert.Single(merged.Additions));
        Assert.StartsWith("North Korean leader Kim Jong Un watched", merged.Summary[0]);
        Assert.InRange(merged.Summary.Sum(Words), 1, SummaryWriter.MaxWords);
    }

    [Fact]
    public void Merge_SlantedTitleClosestToTheCentre_NeutralTitleChosen()
    {
        var a = TestArticles.Create("a", "Senator Slams Budget Plan", "Wire", SeedDay, "Senator Jane Roe criticised the budget plan on Monday, saying it cut school funding.");
        var b = TestArticles.Create("b", "Senator criticises budget plan over school funding", "Post", SeedDay, "Senator Jane Roe on Monday criticised the budget plan for cutting school funding.");

        Assert.Equal("Senator criticises budget plan over school funding", StoryMerger.Merge([a, b]).Headline);
    }

    [Fact]
    public void Merge_AdditionReportedByAnotherSource_NotAnAddition()
    {
        var a = TestArticles.Create("a", "Storm hits coast", "Wire", SeedDay,
            "A storm hit the northern coast on Monday, cutting power to thousands of homes.",
            "Mayor Lena Ortiz said 12 schools would stay closed on Tuesday.");
        var b = TestArticles.Create("b", "Storm cuts power on northern coast", "Post", SeedDay,
            "A storm cut power to thousands of homes on the northern coast on Monday.",
            "Mayor Lena Ortiz said 12 schools would stay closed on Tuesday.");

        var merged = StoryMerger.Merge([a, b]);

        Assert.All(merged.Additions, Assert.Null);
    }

    private static async Task<MergedContent> MergeWithFakeEmbedderAsync(IReadOnlyList<Article> articles)
    {
        var embedder = new FakeTextEmbedder();
        var vectors = await SentenceVectors.ComputeAsync([articles], embedder, 1000);
        Assert.True(vectors.Count > 0);
        return StoryMerger.Merge(articles, vectors);
    }

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
