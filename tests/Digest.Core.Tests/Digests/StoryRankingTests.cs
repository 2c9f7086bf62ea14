using Digest.Core.Digests;
using Digest.Core.Stories;

namespace Digest.Core.Tests.Digests;

public sealed class StoryRankingTests
{
    private static StorySource Source(string id, string? outlet, string? url = null) => new(id, outlet, "T " + id, url is null ? null : new Uri(url), null, []);

    private static Story Story(string headline, StorySource[] sources, bool developing = false, int hour = 0) => new(
        "id-" + headline, headline, ["S."], sources, DigestFixtures.Day, developing, new DateTimeOffset(2025, 9, 2, hour, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Rank_DistinctOutletsNotArticles()
    {
        var sameOutlet = Story("Three from one outlet", [Source("a", "Wire"), Source("b", "wire"), Source("c", "Wire")]);
        var twoOutlets = Story("Two outlets", [Source("d", "Wire"), Source("e", "Post")]);

        Assert.Equal(["Two outlets", "Three from one outlet"], StoryRanking.Rank([sameOutlet, twoOutlets]).Select(s => s.Headline));
    }

    [Theory]
    [InlineData("Wire", null, "Wire")]
    [InlineData(null, "https://www.example.com/a", "example.com")]
    [InlineData(null, "https://www.bbc.co.uk/news/world-1", "BBC News")]
    [InlineData(null, "https://edition.cnn.com/2025/09/02/asia", "CNN")]
    [InlineData(null, "http://NYTimes.com/x", "The New York Times")]
    [InlineData(null, null, null)]
    public void OutletName_OutletElseHostElseNone(string? outlet, string? url, string? expected) =>
        Assert.Equal(expected, StoryRanking.OutletName(Source("a", outlet, url)));

    [Fact]
    public void Rank_DevelopingStoryWithNewSources_MovesUpPastEqualCoverage()
    {
        var fresh = Story("Fresh", [Source("a", "Wire"), Source("b", "Post")], hour: 9);
        var developing = Story("Developing", [Source("c", "Wire"), Source("d", "Post")], developing: true, hour: 1);
        var bigger = Story("Bigger", [Source("e", "Wire"), Source("f", "Post"), Source("g", "Times"), Source("h", "Herald")]);

        Assert.Equal(["Bigger", "Developing", "Fresh"], StoryRanking.Rank([fresh, developing, bigger]).Select(s => s.Headline));
    }

    [Fact]
    public void Rank_Ties_RecentFirstThenStable()
    {
        var stories = new[] { Story("B", [Source("a", "W")], hour: 1), Story("A", [Source("b", "W")], hour: 1), Story("C", [Source("c", "W")], hour: 5) };

        Assert.Equal(["C", "A", "B"], StoryRanking.Rank(stories).Select(s => s.Headline));
        Assert.Equal(["C", "A", "B"], StoryRanking.Rank(stories.Reverse()).Select(s => s.Headline));
    }
}
