using Digest.Core.Articles;
using Digest.Core.Stories.Clustering;
using Digest.Core.Stories.Embeddings;

namespace Digest.Core.Tests.Stories;

/// <summary>
/// Issue 21: a follow-up weeks later that names the event's day ("a man wounded in the Nov. 2 shooting has died") is
/// one story with the first report, while a look-alike in the same city, published the same day as the follow-up,
/// names its own day and stays apart. Without the named days the follow-up, 19 days later, is in another date bucket
/// of the candidate index (never compared) and its similarity is discounted for 19 days.
/// </summary>
public sealed class NamedDaysGroupingTests
{
    private static readonly DateOnly Shooting = new(2016, 11, 3);
    private static readonly DateOnly Later = new(2016, 11, 22);

    private static Article[] Reports(string followUpLead) =>
    [
        TestArticles.Create(
            "first",
            "Five wounded in Little Rock gunfire; shooter on the loose",
            "Arkansas Online",
            Shooting,
            "Five people were wounded when an unknown shooter opened fire at 22nd and Bragg streets in Little Rock late on Wednesday, police spokesman Steve Moore said.",
            "Moore said the victims, among them Fred Duhart, were taken to Baptist Health hospital and were expected to survive."),
        TestArticles.Create(
            "follow-up",
            "Man wounded in Little Rock shooting at 22nd and Bragg dies",
            "KARK",
            Later,
            followUpLead,
            "Little Rock police spokesman Steve Moore said detectives were still looking for the shooter who fired at the five victims at 22nd and Bragg streets."),
        TestArticles.Create(
            "look-alike",
            "Man shot dead outside Little Rock gas station",
            "KATV",
            Later,
            "Jamal Carter, 24, was shot and killed outside a gas station on Asher Avenue in Little Rock on Nov. 20, Officer Eric Barnes said.",
            "Barnes said detectives were talking to witnesses and looking at video from the gas station on Asher Avenue."),
    ];

    private const string NamesTheDay = "Fred Duhart, 38, who was wounded in the Nov. 2 shooting at 22nd and Bragg streets, died at Baptist Health hospital on Sunday, Little Rock police said.";

    private const string NamesNoDay = "Fred Duhart, 38, who was wounded in the shooting at 22nd and Bragg streets, died at Baptist Health hospital on Sunday, Little Rock police said.";

    private static float Discount(int days, StoryClusterOptions options) => MathF.Exp(-(days - options.FreeDays) / options.SemanticDayDecay);

    private static async Task<IReadOnlyList<Article>> EmbedAsync(Article[] articles) => await ArticleEmbeddings.EnsureAsync(articles, new FakeTextEmbedder());

    [Fact]
    public async Task Cluster_FollowUpNamesTheEventsDay_OneStoryAndTheLookAlikeApart()
    {
        var groups = new StoryClusterer().Cluster(await EmbedAsync(Reports(NamesTheDay)));

        Assert.Equal([[0, 1], [2]], groups.Select(g => g.ToArray()));
    }

    [Fact]
    public async Task Cluster_FollowUpNamesNoDay_TheDateDiscountKeepsItApart()
    {
        var groups = new StoryClusterer().Cluster(await EmbedAsync(Reports(NamesNoDay)));

        Assert.Equal(3, groups.Count);
    }

    [Fact]
    public async Task Of_LookAlikeNamesItsOwnDay_DiscountedAsBefore_FollowUpNot()
    {
        var articles = await EmbedAsync(Reports(NamesTheDay));
        var on = StoryClusterOptions.Default;
        var off = on with { NamedDays = false };
        var withDays = new StoryClusterer(on).Featurize(articles);
        var without = new StoryClusterer(off).Featurize(articles);

        // The follow-up names Nov. 2, the day before the first report: the discount for 19 days is lifted.
        Assert.Equal(PairSimilarity.Of(without, 0, 1, off) / Discount(19, on), PairSimilarity.Of(withDays, 0, 1, on), 4);
        // The look-alike names its own day, Nov. 20: 17 days from the first report instead of 19, still discounted.
        Assert.Equal(PairSimilarity.Of(without, 0, 2, off) / Discount(19, on) * Discount(17, on), PairSimilarity.Of(withDays, 0, 2, on), 4);
        // Named days never touch two reports of the same day.
        Assert.Equal(PairSimilarity.Of(without, 1, 2, off), PairSimilarity.Of(withDays, 1, 2, on), 5);
    }

    [Fact]
    public async Task Cluster_NamedDaysOff_SameAsNamingNoDay()
    {
        var groups = new StoryClusterer(StoryClusterOptions.Default with { NamedDays = false }).Cluster(await EmbedAsync(Reports(NamesTheDay)));

        Assert.Equal(3, groups.Count);
    }

    [Fact]
    public async Task Cluster_StoredNamedDaysAreRead_NotTheTextAgain()
    {
        // Parse time stored no named day (say, the text said it another way): grouping does not look again.
        var articles = Reports(NamesTheDay).Select(a => a with { NamedDays = [] }).ToArray();

        var groups = new StoryClusterer().Cluster(await EmbedAsync(articles));

        Assert.Equal(3, groups.Count);
    }
}
