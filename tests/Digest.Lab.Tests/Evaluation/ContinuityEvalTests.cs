using Digest.Core.Articles;
using Digest.Lab.Evaluation;

namespace Digest.Lab.Tests.Evaluation;

/// <summary>
/// `digest-lab eval --days`: a labelled file as two digest days through the real composer and story index. Own
/// fixtures (no eval text): one local shooting reported by three outlets, and a look-alike shooting elsewhere.
/// </summary>
public sealed class ContinuityEvalTests
{
    private static readonly string[][] Dayton =
    [
        ["Gunman kills two at the Riverside Tavern in Dayton", "A gunman opened fire inside the Riverside Tavern on Wayne Avenue in Dayton late on Saturday, killing Marcus Webb and Tanya Ruiz, police said.", "Police Chief Karen Holt said officers were searching for a man seen leaving the tavern with a handgun."],
        ["Two dead in Dayton tavern shooting", "Marcus Webb and Tanya Ruiz were shot dead at the Riverside Tavern on Wayne Avenue in Dayton, Chief Karen Holt said on Sunday.", "Holt said the gunman fled on foot before officers of the Dayton police arrived at the tavern."],
        ["Man charged in Riverside Tavern killings in Dayton", "Devon Price was charged with the murders of Marcus Webb and Tanya Ruiz at the Riverside Tavern on Wayne Avenue in Dayton, Chief Karen Holt said.", "Price was arrested at a relative's home after witnesses identified him to Dayton police."],
    ];

    private static readonly string[][] Toledo =
    [
        ["Three wounded in shooting at Toledo nightclub", "Three men were wounded when shots were fired outside the Blue Lantern club on Monroe Street in Toledo early on Sunday, Sergeant Luis Ortega said.", "Ortega said detectives of the Toledo police were reviewing footage from cameras on Monroe Street."],
        ["Shots fired outside Toledo club, three hurt", "Sergeant Luis Ortega said three men were taken to St. Vincent hospital after the shooting outside the Blue Lantern on Monroe Street in Toledo.", "No arrests were made, Ortega told reporters at the Blue Lantern."],
    ];

    /// <summary>The same gold event's other thread: the tavern's licence, worded apart from the shooting.</summary>
    private static readonly string[][] Licence =
    [
        ["Ohio suspends liquor permit of Riverside Tavern", "The Ohio Liquor Control Commission suspended the permit of the Riverside Tavern for ninety days, commissioner Alan Brandt announced in Columbus.", "Brandt cited repeated violations of closing hours recorded by state agents since March."],
        ["Riverside Tavern loses liquor permit for ninety days", "Commissioner Alan Brandt of the Ohio Liquor Control Commission said the Riverside Tavern permit suspension begins on Monday.", "The owners may appeal the commission's order to the Franklin County court, Brandt said."],
        ["Tavern owners appeal Ohio liquor permit suspension", "Owners of the Riverside Tavern asked the Franklin County court to lift the ninety-day suspension ordered by commissioner Alan Brandt.", "Their lawyer said the Ohio Liquor Control Commission ignored new closing-hours rules."],
        ["Court hears Riverside Tavern liquor permit appeal", "A Franklin County judge heard the appeal against the suspension of the Riverside Tavern liquor permit ordered by Alan Brandt.", "The Ohio Liquor Control Commission defended its ninety-day order in court."],
    ];

    [Fact]
    public async Task Measure_EventSplitOnDayOne_FollowUpsOfEitherPartCountAsRight()
    {
        // One gold event reported as two threads: on day one two shooting reports and one licence report (two stories);
        // on day two three licence reports, which develop the licence story. That is a continuation of the event, not
        // of its larger day-one story, and counts as right.
        var (articles, clusters) = OneEvent(Dayton[..2], Licence);

        var row = await ContinuityEval.MeasureAsync("fixture", articles, clusters, embedder: null, CancellationToken.None);

        Assert.Equal(0, row.LookAlikeEvents);
        Assert.Equal(3, row.FollowUpArticles);
        Assert.Equal(3, row.FollowUpContinued);
        Assert.Equal(0, row.FollowUpWrong);
    }

    [Fact]
    public async Task Measure_DistinctLookAlike_NewStoryWhileFollowUpsDevelop()
    {
        var (articles, clusters) = File(Dayton, Toledo, sameMeaning: false);

        var row = await ContinuityEval.MeasureAsync("fixture", articles, clusters, embedder: null, CancellationToken.None);

        Assert.Equal(1, row.LookAlikeEvents);
        Assert.Equal(2, row.FollowUpArticles); // Dayton: one report on day one, two on day two
        Assert.Equal(2, row.FollowUpContinued);
        Assert.Equal(0, row.FollowUpWrong);
        Assert.Equal(2, row.LookAlikeArticles); // Toledo: both on day two
        Assert.Equal(2, row.LookAlikeNew);
        Assert.Equal(0, row.LookAlikeMixed);
    }

    [Fact]
    public async Task Measure_LookAlikeIndistinguishable_CountedAsJoiningTheFollowUp()
    {
        // Labelled as another event but worded as the first one: the composer must merge it with the follow-ups,
        // and the measure must count that against the look-alike.
        var (articles, clusters) = File(Dayton, Dayton[1..], sameMeaning: true);

        var row = await ContinuityEval.MeasureAsync("fixture", articles, clusters, embedder: null, CancellationToken.None);

        Assert.Equal(2, row.LookAlikeArticles);
        Assert.Equal(0, row.LookAlikeNew);
        Assert.Equal(2, row.LookAlikeMixed);
    }

    /// <summary>One gold event told as two threads, each with its own hand-set vector direction, in file order.</summary>
    private static (List<Article> Articles, List<string> Clusters) OneEvent(string[][] first, string[][] second)
    {
        var articles = first.Select((t, k) => Make($"a{k}", t, 0)).Concat(second.Select((t, k) => Make($"a{first.Length + k}", t, 1))).ToList();
        return (articles, articles.Select(_ => "a").ToList());
    }

    /// <summary>Two gold events; vectors are hand-set (one direction per event, or one for both when <paramref name="sameMeaning"/>).</summary>
    private static (List<Article> Articles, List<string> Clusters) File(string[][] first, string[][] second, bool sameMeaning)
    {
        var articles = new List<Article>();
        var clusters = new List<string>();
        foreach (var (texts, label) in new[] { (first, "a"), (second, "b") })
        {
            foreach (var (t, k) in texts.Select((t, k) => (t, k)))
            {
                articles.Add(Make($"{label}{k}", t, label == "a" || sameMeaning ? 0 : 1));
                clusters.Add(label);
            }
        }

        return (articles, clusters);
    }

    private static Article Make(string id, string[] t, int direction)
    {
        var vector = new float[8];
        vector[direction] = 1f;
        return new Article(
            id,
            t[0],
            $"Outlet {id}",
            null,
            new Uri($"https://example.com/{id}"),
            null,
            [new ArticleSection(null, t[1..])],
            [],
            "en",
            id,
            id + ".txt",
            ArticleFormat.PlainText) { Embedding = new ArticleEmbedding("hand-set", vector) };
    }
}
