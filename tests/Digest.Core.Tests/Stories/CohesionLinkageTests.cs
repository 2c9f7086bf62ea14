using Digest.Core.Articles;
using Digest.Core.Stories.Clustering;

namespace Digest.Core.Tests.Stories;

/// <summary>
/// Two tight groups about two look-alike events (issue 21) stay apart although their average similarity passes the
/// merge threshold: each is more alike inside than with the other.
/// </summary>
public sealed class CohesionLinkageTests
{
    internal const string Body =
        "Firefighters fought the blaze for several hours after it broke out in the storeroom of the supermarket late in the evening. " +
        "Nobody was hurt, the fire service said, but the building was badly damaged and the roof collapsed before dawn. " +
        "Police said the cause of the fire was not yet known and that investigators would examine the scene once it was safe. " +
        "Shoppers and staff had left the store before the flames spread, and neighbouring homes were evacuated as a precaution.";

    /// <summary>Five reports of a fire at the chain's store in one town; vectors near one direction of meaning.</summary>
    private static IEnumerable<Article> Event(string town, int axis, float[] shared)
    {
        for (var i = 0; i < 5; i++)
        {
            var vector = new float[16];
            for (var k = 0; k < 16; k++) vector[k] = shared[k] * 0.7f;
            vector[axis] += 0.7f;
            vector[15 - i] += 0.05f; // a little of each report's own wording
            var norm = MathF.Sqrt(vector.Sum(x => x * x));
            yield return TestArticles.Create($"{town}-{i}", $"Fire destroys Greenway supermarket in {town}", "Outlet " + i, StoryFixtures.Day,
                    $"A fire destroyed the Greenway supermarket in {town} on Monday night, the {town} fire service said.", Body)
                with { Embedding = new ArticleEmbedding("test", vector.Select(x => x / norm).ToArray()) };
        }
    }

    [Fact]
    public void Cluster_TwoTightGroupsOfLookAlikes_StayApart()
    {
        var shared = new float[16];
        shared[0] = 1f;
        Article[] articles = [.. Event("Ashford", 1, shared), .. Event("Brampton", 2, shared)];

        var groups = new StoryClusterer().Cluster(articles);
        var without = new StoryClusterer(StoryClusterOptions.Default with { CohesionRatio = 0f }).Cluster(articles);

        Assert.Equal([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]], groups.Select(g => g.ToArray()));
        Assert.Single(without); // the average alone would merge them: the condition is what keeps them apart
    }

    [Fact]
    public void Cluster_OneLookAlikeReportAgainstAnEstablishedGroup_StaysApart()
    {
        var shared = new float[16];
        shared[0] = 1f;
        // Five full reports of the Ashford fire, and the Brampton fire's headline and lead only: the look-alike would
        // join the group on the average alone and, once in, let its twins follow (ECB+ dev, topic 34).
        var twin = new float[16];
        twin[0] = 0.65f; // alike enough to pass the merge threshold on its own (a short item against full reports: no headline scale-up)
        twin[2] = MathF.Sqrt(1f - (0.65f * 0.65f));
        var brampton = TestArticles.Create("Brampton-0", "Fire destroys Greenway supermarket in Brampton", "Outlet 9", StoryFixtures.Day,
                "A fire destroyed the Greenway supermarket in Brampton on Monday night, the Brampton fire service said.")
            with { Embedding = new ArticleEmbedding("test", twin) };
        Article[] articles = [.. Event("Ashford", 1, shared), brampton];

        var groups = new StoryClusterer().Cluster(articles);
        var without = new StoryClusterer(StoryClusterOptions.Default with { JoinCohesionRatio = 0f }).Cluster(articles);

        Assert.Equal([[0, 1, 2, 3, 4], [5]], groups.Select(g => g.ToArray()));
        Assert.Single(without);
    }

    [Fact]
    public void Cluster_OneEventInTwoHalves_StillMerges()
    {
        var shared = new float[16];
        shared[0] = 1f;
        // Ten reports of the same fire (same town, same meaning), found as two groups of five first.
        Article[] articles = [.. Event("Ashford", 1, shared), .. Event("Ashford", 1, shared).Select((a, i) => a with { Id = "other-" + i })];

        Assert.Single(new StoryClusterer().Cluster(articles));
    }
}
