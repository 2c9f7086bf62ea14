using Digest.Core.Stories.Clustering;

namespace Digest.Core.Tests.Stories;

public sealed class StoryClustererTests
{
    [Fact]
    public void Cluster_SeedArticles_OneStory()
    {
        var folder = Path.Combine(TestArticles.RepositoryRoot(), "seeds", "articles");
        var seeds = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal)
            .Select((path, i) => TestArticles.FromSeed(path, "outlet-" + i, StoryFixtures.Day))
            .ToList();

        var groups = new StoryClusterer().Cluster(seeds);

        Assert.Equal(2, seeds.Count);
        Assert.Single(groups);
    }

    [Fact]
    public void Cluster_WithTrace_ReportsEachPhaseAndGroupsAlike()
    {
        var articles = new[] { StoryFixtures.BeijingVisit(), StoryFixtures.MissileTest(), StoryFixtures.BeijingVisitOther() };
        var lines = new List<string>();

        var traced = new StoryClusterer { Trace = lines.Add }.Cluster(articles);
        var plain = new StoryClusterer().Cluster(articles);

        Assert.Equal(["features", "candidates", "scores", "linkage"], lines.Select(line => line[..line.IndexOf(':')]));
        Assert.StartsWith("features: 3 articles", lines[0]);
        Assert.Equal(plain, traced);
    }

    [Fact]
    public void Cluster_SameCountryAndLeaderDifferentEvents_TwoStories()
    {
        var groups = new StoryClusterer().Cluster([StoryFixtures.MissileTest(), StoryFixtures.BeijingVisit()]);

        Assert.Equal(2, groups.Count);
    }

    [Fact]
    public void Cluster_TwoReportsOfOneEventAndALookAlike_GroupsOnlyTheReports()
    {
        var groups = new StoryClusterer().Cluster([StoryFixtures.BeijingVisit(), StoryFixtures.MissileTest(), StoryFixtures.BeijingVisitOther()]);

        Assert.Equal([[0, 2], [1]], groups.Select(g => g.ToArray()));
    }

    [Fact]
    public void Cluster_FarApartDates_NotMerged()
    {
        var a = StoryFixtures.BeijingVisit();
        var b = StoryFixtures.BeijingVisitOther(StoryFixtures.Day.AddDays(400));

        var groups = new StoryClusterer().Cluster([a, b]);

        Assert.Equal(2, groups.Count);
    }

    [Fact]
    public void Cluster_EmptyAndSingle_Trivial()
    {
        var clusterer = new StoryClusterer();

        Assert.Empty(clusterer.Cluster([]));
        Assert.Equal([[0]], clusterer.Cluster([StoryFixtures.MissileTest()]).Select(g => g.ToArray()));
    }
}
