using Digest.Core.Articles;

namespace Digest.Core.Tests.Articles;

public sealed class PlainTextParserTests
{
    private const string Body = "The council approved the new budget on Tuesday after a long debate, officials said.";

    [Theory]
    [InlineData("Council Passes Budget\n" + Body, "Council Passes Budget", null)]
    [InlineData("\n\n  Council Passes Budget  \n\n" + Body, "Council Passes Budget", null)]
    [InlineData("Council passes budget. Photo: Jane Roe/City Wire\n" + Body, "Council passes budget", "Council passes budget. Photo: Jane Roe/City Wire")]
    [InlineData("Council passes budget (Photo: AP)\n" + Body, "Council passes budget", "Council passes budget (Photo: AP)")]
    [InlineData("Mayor signs the budget into law. Image: Town Crier.\n" + Body, "Mayor signs the budget into law", "Mayor signs the budget into law. Image: Town Crier.")]
    [InlineData("Photo: Reuters\nCouncil Passes Budget\n" + Body, "Council Passes Budget", "Photo: Reuters")]
    public void Parse_FirstLine_TitleOrCaption(string text, string title, string? caption)
    {
        var result = Parsing.Parse(text);

        Assert.Equal(title, result.Article!.Title);
        Assert.Equal(Body, result.Article.BodyText);
        if (caption is null)
        {
            Assert.Empty(result.Article.ImageCaptions);
        }
        else
        {
            Assert.Equal([caption], result.Article.ImageCaptions);
        }
    }

    [Fact]
    public void Parse_TitleFromCaption_InfoDiagnostic()
    {
        var result = Parsing.Parse("Crowds gather in the square. Photo: Jane Roe\n" + Body);

        var info = Assert.Single(result.Diagnostics, d => d.Code == "title-from-caption");
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
    }

    [Theory]
    [InlineData("(The Post News)– " + Body, "The Post News")]
    [InlineData("(Reuters) - " + Body, "Reuters")]
    [InlineData("(Daily Wire Service) — " + Body, "Daily Wire Service")]
    [InlineData("BEIJING (AP) — " + Body, "AP")]
    [InlineData("NEW YORK, (City Wire) -- " + Body, "City Wire")]
    [InlineData("(AP) — " + Body, "AP")]
    [InlineData("Denver (AP) – " + Body, "AP")]
    [InlineData("April 29 (UPI) — " + Body, "UPI")]
    public void Parse_OutletDateline_NamesOutletAndIsStripped(string firstParagraph, string outlet)
    {
        var article = Parsing.ParseArticle("Council Passes Budget\n" + firstParagraph);

        Assert.Equal(outlet, article.Outlet);
        Assert.Equal(Body, article.BodyText);
    }

    [Theory]
    [InlineData("WASHINGTON — ", "WASHINGTON —")]
    [InlineData("NEW YORK -- ", "NEW YORK --")]
    [InlineData("BERKELEY HEIGHTS, N.J. — ", "BERKELEY HEIGHTS, N.J. —")]
    [InlineData("DANVILLE, Ky. –- ", "DANVILLE, Ky. –-")]
    [InlineData("LONDON - ", "LONDON -")]
    [InlineData("SANTA FE, New Mexico — ", "SANTA FE, New Mexico —")]
    public void Parse_PlaceDateline_StrippedOutletUnknownPlaceKeptForGrouping(string dateline, string kept)
    {
        var article = Parsing.ParseArticle("Council Passes Budget\n" + dateline + Body);

        Assert.Null(article.Outlet);
        Assert.Equal(Body, article.BodyText);
        Assert.Equal(kept, article.Dateline);
        Assert.Equal(kept + " " + Body, article.ParagraphsForGrouping.First()); // grouping reads the text as it stood
    }

    [Theory]
    [InlineData("MIAMI (WSVN) --", "WSVN", null)]
    [InlineData("NEW YORK (CBSNewYork) —", "CBSNewYork", null)]
    [InlineData("(Reuters) -", "Reuters", null)]
    [InlineData("WASHINGTON —", null, "WASHINGTON —")]
    [InlineData("DANVILLE, Ky. –-", null, "DANVILLE, Ky. –-")]
    public void Parse_DatelineOnItsOwnLine_DroppedFromTheBody(string dateline, string? outlet, string? place)
    {
        // Pages copied as text often leave the dateline on a line of its own; it reached digest summaries as a
        // "sentence" ("MIAMI (WSVN) --").
        var article = Parsing.ParseArticle("Council Passes Budget\n" + dateline + "\n" + Body);

        Assert.Equal(Body, article.BodyText);
        Assert.Equal(outlet, article.Outlet);
        Assert.Equal(place, article.Dateline);
    }

    [Theory]
    [InlineData("I --")]
    [InlineData("(Updated) -")]
    public void Parse_ShortLineThatIsNoDateline_Kept(string line)
    {
        var article = Parsing.ParseArticle("Council Passes Budget\n" + line + "\n" + Body);

        Assert.StartsWith(line, article.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OutletDateline_NoPlaceKept()
    {
        var article = Parsing.ParseArticle("Council Passes Budget\nBEIJING (AP) — " + Body);

        Assert.Null(article.Dateline);
        Assert.Equal(article.Paragraphs, article.ParagraphsForGrouping);
    }

    [Theory]
    [InlineData("NATO — the alliance — met on " + "Tuesday to discuss the council budget.")]
    [InlineData("I -- " + Body)]
    [InlineData("(Updated) - " + Body)]
    [InlineData("(2) - " + Body)]
    [InlineData("The council (the city's top body) - " + Body)]
    public void Parse_NoOutletDateline_OutletNullAndTextKept(string firstParagraph)
    {
        var article = Parsing.ParseArticle("Council Passes Budget\n" + firstParagraph);

        Assert.Null(article.Outlet);
        Assert.Equal(firstParagraph, article.BodyText);
    }

    [Fact]
    public void Parse_DatelineDeepInBody_NotTakenAsOutlet()
    {
        var text = "Council Passes Budget\n" + string.Join("\n", Enumerable.Repeat(Body, 4)) + "\n(Reuters) - " + Body;

        Assert.Null(Parsing.ParseArticle(text).Outlet);
    }

    [Fact]
    public void Parse_HeaderLines_ReadAsMetadata()
    {
        var text = """
            Source: City Wire
            Published: 2025-09-02T08:30:00Z
            URL: https://example.com/news/budget
            Council Passes Budget
            By Jane Roe and John Doe
            The council approved the new budget on Tuesday after a long debate, officials said.
            """;

        var article = Parsing.ParseArticle(text);

        Assert.Equal("Council Passes Budget", article.Title);
        Assert.Equal("City Wire", article.Outlet);
        Assert.Equal("Jane Roe and John Doe", article.Byline);
        Assert.Equal(new DateTimeOffset(2025, 9, 2, 8, 30, 0, TimeSpan.Zero), article.Published);
        Assert.Equal(new Uri("https://example.com/news/budget"), article.Url);
        Assert.Equal(Body, article.BodyText);
    }

    [Theory]
    [InlineData("URL: javascript:alert(1)")]
    [InlineData("URL: file:///etc/passwd")]
    [InlineData("URL: /relative/path")]
    public void Parse_NonHttpUrl_DroppedWithWarning(string header)
    {
        var result = Parsing.Parse(header + "\nCouncil Passes Budget\n" + Body);

        Assert.Null(result.Article!.Url);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(result.Diagnostics, d => d.Code == "url-dropped").Severity);
    }

    [Fact]
    public void Parse_HeadingsBetweenParagraphs_BecomeSections()
    {
        var text = "Council Passes Budget\n" + Body + "\nWhat Comes Next\n" + Body + "\nSchools\n" + Body + "\nA closing line without a full stop";

        var article = Parsing.ParseArticle(text);

        Assert.Equal([null, "What Comes Next", "Schools"], article.Sections.Select(s => s.Heading));
        Assert.Equal("A closing line without a full stop", article.Sections[^1].Paragraphs[^1]);
    }

    [Theory]
    [InlineData("It rained.")]
    [InlineData("Officials declined to comment on the vote")]
    [InlineData("Prices rose. Wages did not")]
    public void Parse_ProseLines_NotHeadings(string line)
    {
        var article = Parsing.ParseArticle("Council Passes Budget\n" + Body + "\n" + line + "\n" + Body);

        Assert.All(article.Sections, s => Assert.Null(s.Heading));
        Assert.Contains(line, article.Paragraphs);
    }

    [Fact]
    public void Parse_HardWrappedParagraphs_Joined()
    {
        var text = """
            Council Passes Budget

            The council approved the new budget on Tuesday after a long
            debate that ran late into the night, officials said on
            Wednesday.

            The mayor welcomed the vote and promised that the money
            would reach the schools first.
            """;

        var article = Parsing.ParseArticle(text);

        Assert.Equal(
            [
                "The council approved the new budget on Tuesday after a long debate that ran late into the night, officials said on Wednesday.",
                "The mayor welcomed the vote and promised that the money would reach the schools first.",
            ],
            article.Paragraphs);
    }

    [Fact]
    public void Parse_CaptionInBody_MovedToCaptions()
    {
        var article = Parsing.ParseArticle("Council Passes Budget\n" + Body + "\nThe council chamber on Tuesday. (Photo: City Wire)\n" + Body);

        Assert.Equal(["The council chamber on Tuesday. (Photo: City Wire)"], article.ImageCaptions);
        Assert.Equal(2, article.Paragraphs.Count());
    }

    [Theory]
    [InlineData("Advertisement")]
    [InlineData("ADVERTISEMENT")]
    [InlineData("Share this article")]
    [InlineData("Comments")]
    [InlineData("Read more »")]
    public void Parse_WebPageLeftovers_Dropped(string line)
    {
        var article = Parsing.ParseArticle("Council Passes Budget\n" + Body + "\n" + line + "\n" + Body);

        Assert.Equal([Body, Body], article.Paragraphs);
        Assert.All(article.Sections, s => Assert.Null(s.Heading));
    }

    [Fact]
    public void Parse_SentenceMentioningAdvertisement_Kept()
    {
        const string sentence = "The advertisement ran for a week before it was pulled.";

        Assert.Contains(sentence, Parsing.ParseArticle("Council Passes Budget\n" + Body + "\n" + sentence).Paragraphs);
    }
}
