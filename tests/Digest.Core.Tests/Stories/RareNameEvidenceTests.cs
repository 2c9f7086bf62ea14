using Digest.Core.Articles;
using Digest.Core.Stories.Clustering;
using Digest.Core.Stories.Embeddings;

namespace Digest.Core.Tests.Stories;

/// <summary>
/// The shared-rare-names evidence of the semantic rule: names and numbers that at most a few articles of the batch
/// mention (a victim, a street, a small town) add to a full-text pair's similarity; names many articles carry do not.
/// </summary>
public sealed class RareNameEvidenceTests
{
    private const string Filler =
        "Officers closed the road for several hours while detectives spoke with neighbours and collected evidence from the scene. "
        + "Anyone with information was asked to call the police tip line, and the investigation was continuing on Wednesday afternoon. "
        + "No arrests had been made by the evening, and a spokesman said it was too early to say what had led to the shooting.";

    private static Article Report(string id, string title, string lead) =>
        TestArticles.Create(id, title, "Local news", StoryFixtures.Day, lead, Filler);

    /// <summary>Unrelated reports, so the batch is large enough (the IDF prior, 20) for names to be called rare.</summary>
    private static IEnumerable<Article> Others(string city, int count) =>
        Enumerable.Range(0, count).Select(k => Report($"other{k}", $"Council meeting {k} on budget", $"The council of {city} met on Monday to discuss budget item {k + 100} and approved it after a short debate."));

    /// <summary>Two reports of one shooting, worded differently, that share Demontez Jones, Bragg Street and Overland, plus other reports (26 articles).</summary>
    private static async Task<FeatureSpace> SpaceAsync(string city)
    {
        Article[] articles =
        [
            Report("a", "Teen shot dead outside family home", $"Police said Demontez Jones, 15, died after he was shot outside a home on Bragg Street in Overland, {city}, late on Tuesday."),
            Report("b", "Boy killed in evening gunfire", $"A fifteen year old, Demontez Jones, was found wounded on Bragg Street and later died, Overland officers in {city} said."),
            Report("c", "Man wounded in parking lot", $"A man was wounded in a parking lot on Maple Avenue in {city} on Monday, police said."),
            Report("d", "Woman hurt in drive-by", $"A woman was hurt when shots were fired at a car on Elm Road in {city}, police said."),
            Report("e", "Two injured at party", $"Two people were injured when gunfire broke out at a party on Oak Lane in {city}, police said."),
            Report("f", "Store clerk shot in robbery", $"A clerk was shot during a robbery at a store on Pine Street in {city}, police said."),
            .. Others(city, 20),
        ];
        var embedded = await ArticleEmbeddings.EnsureAsync(articles, new FakeTextEmbedder());
        return new StoryClusterer().Featurize(embedded);
    }

    [Theory]
    [InlineData(0, 1, 2)] // the two reports of one shooting: Demontez Jones, Bragg Street, Overland (counted up to 2)
    [InlineData(2, 3, 0)] // two other shootings sharing only "Missouri", which all 26 articles mention: not rare
    public async Task Of_AddsTheBonusPerSharedRareName(int a, int b, int rareNames)
    {
        var space = await SpaceAsync("Missouri");
        var options = StoryClusterOptions.Default;

        var with = PairSimilarity.Of(space, a, b, options);
        var without = PairSimilarity.Of(space, a, b, options with { RareNameBonus = 0f });

        Assert.Equal(options.RareNameBonus * rareNames, with - without, 4);
    }

    [Fact]
    public async Task Of_RareMeansAtMostRareNameArticles()
    {
        // With "rare" set to one article, no shared name can be rare.
        var space = await SpaceAsync("Missouri");
        var options = StoryClusterOptions.Default with { RareNameArticles = 1 };

        Assert.Equal(PairSimilarity.Of(space, 0, 1, options with { RareNameBonus = 0f }), PairSimilarity.Of(space, 0, 1, options));
    }

    [Fact]
    public async Task Of_TinyBatch_GetsNoBonus()
    {
        // Two or three articles cannot tell rare names from common ones: every shared name is in "at most 4".
        Article[] articles =
        [
            Report("a", "Teen shot dead outside family home", "Police said Demontez Jones, 15, died after he was shot outside a home on Bragg Street in Overland late on Tuesday."),
            Report("b", "Boy killed in evening gunfire", "A fifteen year old, Demontez Jones, was found wounded on Bragg Street and later died, Overland officers said."),
        ];
        var space = new StoryClusterer().Featurize(await ArticleEmbeddings.EnsureAsync(articles, new FakeTextEmbedder()));
        var options = StoryClusterOptions.Default;

        Assert.Equal(PairSimilarity.Of(space, 0, 1, options with { RareNameBonus = 0f }), PairSimilarity.Of(space, 0, 1, options));
    }

    [Fact]
    public async Task Of_HeadlineOnlyPair_GetsNoBonus()
    {
        // Headlines have no name view (no mid-sentence capitals): the bonus is part of the full-text rule only.
        Article[] articles =
        [
            TestArticles.Create("a", "Demontez Jones shot on Bragg Street in Overland", "Wire", StoryFixtures.Day),
            TestArticles.Create("b", "Overland police name Demontez Jones as Bragg Street victim", "Wire", StoryFixtures.Day),
            TestArticles.Create("c", "Markets close higher", "Wire", StoryFixtures.Day),
            .. Others("Missouri", 20).Select(a => a with { Sections = [] }),
        ];
        var space = new StoryClusterer().Featurize(await ArticleEmbeddings.EnsureAsync(articles, new FakeTextEmbedder()));
        var options = StoryClusterOptions.Default;

        Assert.Equal(PairSimilarity.Of(space, 0, 1, options with { RareNameBonus = 0f }), PairSimilarity.Of(space, 0, 1, options));
    }

    [Fact]
    public void CountSharedRare_CountsSharedIdsUnderTheLimit_UpToStopAt()
    {
        int[] df = [2, 9, 3, 1, 4, 2];
        var a = SparseVector.Normalised([0, 1, 2, 4, 5], [1f, 1f, 1f, 1f, 1f], 5);
        var b = SparseVector.Normalised([0, 1, 2, 3, 4], [1f, 1f, 1f, 1f, 1f], 5);

        Assert.Equal(3, a.CountSharedRare(b, df, maxArticles: 4, stopAt: 10)); // ids 0, 2, 4 (1 is common, 3 and 5 not shared)
        Assert.Equal(2, a.CountSharedRare(b, df, maxArticles: 3, stopAt: 10));
        Assert.Equal(2, a.CountSharedRare(b, df, maxArticles: 4, stopAt: 2));
    }
}
