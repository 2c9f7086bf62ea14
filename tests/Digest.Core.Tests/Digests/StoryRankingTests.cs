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

    [Fact]
    public void Rank_ThirtyStoriesOfEqualCoverage_ByProminenceNotAlphabet_SameEveryRun()
    {
        // 30 stories, two outlets each, one publication time; headlines from "Alpha ..." to "Zulu ...". Only story 17
        // is about the person the day is about: eight others mention her in passing.
        var at = new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero);
        var names = new[] { "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett", "Kilo", "Lima", "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo", "Sierra", "Tango", "Uniform", "Victor", "Whiskey", "Xray", "Yankee", "Zulu", "Able", "Baker", "Easy", "Fox" };
        var stories = names.Select((n, i) => new Story(
            $"{i * 7919 % 1000:D3}-{n}",
            i == 17 ? "Okafor signs treaty in Lisbon" : $"{n} council approves plan number {i}",
            [i == 17 ? "President Martina Okafor signed the treaty in Lisbon on Tuesday." : $"The {n} council approved the plan after a vote{(i % 3 == 0 ? ", and President Okafor welcomed it" : string.Empty)}."],
            [Source($"a{i}", "Wire"), Source($"b{i}", "Post")],
            DigestFixtures.Day,
            false,
            at)).ToArray();

        var ranked = StoryRanking.Rank(stories).Select(s => s.Headline).ToArray();
        var again = StoryRanking.Rank(stories.Reverse().OrderBy(s => s.Summary[0].Length)).Select(s => s.Headline).ToArray();

        Assert.Equal(ranked, again);
        Assert.NotEqual(ranked.Order(StringComparer.Ordinal), ranked);
        Assert.Equal("Okafor signs treaty in Lisbon", ranked[0]);
        Assert.Equal(30, ranked.Distinct().Count());
    }

    [Theory]
    [InlineData("President Martina Okafor signed the treaty.", 2)]
    [InlineData("The council approved the plan.", 0)]
    public void Prominence_CountsOtherStoriesNamingItsPeople(string summary, int expected)
    {
        Story Make(string id, string text) => new(id, id == "x" ? "Okafor in Lisbon" : "Headline " + id, [text], [Source(id, "W")], DigestFixtures.Day, false, null);
        var stories = new[] { Make("x", summary), Make("y", "Okafor spoke in Lisbon."), Make("z", "Critics of Okafor were arrested."), Make("w", "Rain fell.") };

        Assert.Equal(expected, StoryRanking.Prominence(stories)[0]);
    }
}
