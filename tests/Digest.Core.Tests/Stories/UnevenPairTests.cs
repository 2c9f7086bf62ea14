using Digest.Core.Articles;
using Digest.Core.Stories.Clustering;

namespace Digest.Core.Tests.Stories;

/// <summary>
/// A headline-only item against full reports (issue 21, seventh round): the headline rule's scale-up is for two
/// equally short items; a headline is not scaled up against a full report, so the headline of a look-alike event (another
/// town's fire) stays apart from the full reports of the first, while a headline that means the same event still joins.
/// </summary>
public sealed class UnevenPairTests
{
    private static float[] Unit(params (int Axis, float Weight)[] parts)
    {
        var v = new float[16];
        foreach (var (axis, weight) in parts) v[axis] += weight;
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    private static Article[] Batch()
    {
        var reports = Enumerable.Range(0, 3).Select(i =>
            TestArticles.Create($"ashford-{i}", "Fire destroys Greenway supermarket in Ashford", "Outlet " + i, StoryFixtures.Day,
                    "A fire destroyed the Greenway supermarket in Ashford on Monday night, the Ashford fire service said.", CohesionLinkageTests.Body)
                with { Embedding = new ArticleEmbedding("test", Unit((0, 1f), (10 + i, 0.1f))) });

        // Headline-only feed items: one about the same fire (the model reads it as close to the reports), one about a
        // fire at the chain's store in another town (alike in kind, cosine 0.4, as look-alike events score).
        var same = TestArticles.Create("ashford-headline", "Ashford Greenway store will not reopen after fire", "Feed", StoryFixtures.Day)
            with { Embedding = new ArticleEmbedding("test", Unit((0, 0.7f), (1, MathF.Sqrt(0.51f)))) };
        var twin = TestArticles.Create("brampton-headline", "Fire destroys Greenway store in Brampton", "Feed", StoryFixtures.Day)
            with { Embedding = new ArticleEmbedding("test", Unit((0, 0.4f), (1, -0.3f), (2, MathF.Sqrt(1f - 0.16f - 0.09f)))) };
        return [.. reports, same, twin];
    }

    [Fact]
    public void Cluster_LookAlikeHeadlineBesideFullReports_StaysApartWhileSameEventHeadlineJoins()
    {
        var groups = new StoryClusterer().Cluster(Batch());

        Assert.Equal([[0, 1, 2, 3], [4]], groups.Select(g => g.ToArray()));
    }

    [Fact]
    public void Cluster_HeadlineScaledUpAsIfBothWereHeadlines_TakesInTheLookAlike()
    {
        // The rule before: every pair scaled up as if both were as short as its shorter side.
        var groups = new StoryClusterer(StoryClusterOptions.Default with { UnevenPairScaling = 0f }).Cluster(Batch());

        Assert.Single(groups);
    }
}
