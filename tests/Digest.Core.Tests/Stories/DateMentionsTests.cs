using Digest.Core.Articles;
using Digest.Core.Stories.Text;

namespace Digest.Core.Tests.Stories;

/// <summary>The days a lead names, resolved against the publication day (issue 21: a follow-up names its event's day).</summary>
public sealed class DateMentionsTests
{
    [Theory]
    [InlineData("A man injured in the Nov. 2 shooting at 22nd and Bragg has died.", "2016-11-22", "2016-11-02")]
    [InlineData("Police said the fire on November 2nd started in the kitchen.", "2016-11-22", "2016-11-02")]
    [InlineData("The crash on 2 November closed the road.", "2016-11-22", "2016-11-02")]
    [InlineData("The party on June 12, 2016 ended in gunfire.", "2016-06-15", "2016-06-12")]
    [InlineData("Officers were called on Dec. 30 to the house.", "2017-01-03", "2016-12-30")] // the latest Dec. 30 on or before
    [InlineData("The verdict is due on Jan. 4 at noon.", "2017-01-03", "2017-01-04")] // one day of grace
    [InlineData("He shot his daughter in his Kensington home last April.", "2016-07-13", "2016-04-01..2016-04-30")]
    [InlineData("In March the council voted against it.", "2016-07-13", "2016-03-15..2016-03-31")] // clipped to 120 days back
    [InlineData("Trial dates set: Feb. 3, then in May 2016.", "2016-05-20", "2016-02-03;2016-05-01..2016-05-21")]
    public void In_ResolvesAgainstThePublicationDay(string text, string published, string expected)
    {
        var found = DateMentions.In(text, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, string.Join(";", found.Select(Format)));
    }

    [Theory]
    [InlineData("Jan.", 1)]
    [InlineData("January", 1)]
    [InlineData("Feb.", 2)]
    [InlineData("February", 2)]
    [InlineData("Mar.", 3)]
    [InlineData("March", 3)]
    [InlineData("Apr.", 4)]
    [InlineData("April", 4)]
    [InlineData("May", 5)]
    [InlineData("Jun.", 6)]
    [InlineData("June", 6)]
    [InlineData("Jul.", 7)]
    [InlineData("July", 7)]
    [InlineData("Aug.", 8)]
    [InlineData("August", 8)]
    [InlineData("Sep.", 9)]
    [InlineData("Sept.", 9)]
    [InlineData("September", 9)]
    [InlineData("Oct.", 10)]
    [InlineData("October", 10)]
    [InlineData("Nov.", 11)]
    [InlineData("November", 11)]
    [InlineData("Dec.", 12)]
    [InlineData("December", 12)]
    public void In_EveryMonthNameAndAbbreviation_ResolvesToItsMonth(string name, int month)
    {
        var day = new DateOnly(2016, month, 10);

        var found = DateMentions.In($"It happened on {name} 10, 2016.", day.AddDays(5));

        Assert.Equal(new DayRange(day, day), Assert.Single(found));
    }

    [Theory]
    [InlineData("Smith was first arrested on June 15, 2014, for robbery.")] // years before: background
    [InlineData("The hearing is set for March 3.")] // March 3 of this year is ahead; last year's is past the lookback
    [InlineData("Police may 5 or 6 more officers send.")] // "may" the verb, lower case
    [InlineData("The gunman fled on Wednesday night, police said.")] // weekdays are not read
    [InlineData("Sept. 31 is not a day.")]
    public void In_IgnoresWhatIsNotARecentDay(string text)
    {
        Assert.Empty(DateMentions.In(text, new DateOnly(2016, 2, 1)));
    }

    [Fact]
    public void In_ReadsOnlyTheHeadlineAndLeadOfADatedArticle()
    {
        var lead = string.Concat(Enumerable.Repeat("Detectives spoke with neighbours and collected evidence at the scene. ", 14));
        var article = TestArticles.Create("a", "Man wounded in Nov. 2 shooting dies", "Local", new DateOnly(2016, 11, 22), lead, "Another man was shot on Oct. 30 across town.");

        Assert.Equal([new DayRange(new DateOnly(2016, 11, 2), new DateOnly(2016, 11, 2))], DateMentions.In(article));
        Assert.Empty(DateMentions.In(article with { Published = null }));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("0001-02-10")]
    [InlineData("9999-12-31")]
    public void In_PublicationDayAtTheEdgeOfTheCalendar_NoDaysAndNoError(string published)
    {
        // An upload may say "published: 0001-01-01"; the parser reads it, and resolving "last December" against it
        // must not throw (it did: year 0).
        var found = DateMentions.In("Police said the Jan. 2 fire, like the one last December, began in a kitchen on Dec. 30.", DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Empty(found);
    }

    [Fact]
    public void In_KeepsAtMostMaxRangesDistinctDays()
    {
        var text = string.Join(" ", Enumerable.Range(1, 20).Select(d => $"Nov. {d} and Nov. {d}."));

        var found = DateMentions.In(text, new DateOnly(2016, 11, 22));

        Assert.Equal(DateMentions.MaxRanges, found.Count);
        Assert.Equal(found.Count, found.Distinct().Count());
    }

    private static string Format(DayRange r) =>
        r.From == r.To ? r.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : $"{r.From:yyyy-MM-dd}..{r.To:yyyy-MM-dd}";
}
