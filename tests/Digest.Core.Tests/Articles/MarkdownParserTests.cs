using Digest.Core.Articles;

namespace Digest.Core.Tests.Articles;

public sealed class MarkdownParserTests
{
    [Fact]
    public void Parse_FrontMatterAndBody_AllFieldsRead()
    {
        var markdown = """
            ---
            title: "Council Passes Budget"
            source: City Wire
            url: https://example.com/budget
            published: 2025-09-02
            author:
              - name: Jane Roe
              - John Doe
            lang: fr
            ---
            # Council Passes Budget

            The council **approved** the [new budget](https://example.com/b) on *Tuesday*.

            ![The council chamber](chamber.jpg "Photo: City Wire")

            ## What Comes Next

            - Schools get `more` money.
            - Roads get less.

            > The mayor said it was a good day.
            """;

        var article = Parsing.ParseArticle(markdown, "budget.md");

        Assert.Equal("Council Passes Budget", article.Title);
        Assert.Equal("City Wire", article.Outlet);
        Assert.Equal(new Uri("https://example.com/budget"), article.Url);
        Assert.Equal(new DateTimeOffset(2025, 9, 2, 0, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("Jane Roe, John Doe", article.Byline);
        Assert.Equal("fr", article.Language);
        Assert.Equal(ArticleFormat.Markdown, article.Format);
        Assert.Equal(["The council chamber. Photo: City Wire"], article.ImageCaptions);
        Assert.Equal([null, "What Comes Next"], article.Sections.Select(s => s.Heading));
        Assert.Equal(["The council approved the new budget on Tuesday."], article.Sections[0].Paragraphs);
        Assert.Equal(["Schools get more money.", "Roads get less.", "The mayor said it was a good day."], article.Sections[1].Paragraphs);
    }

    /// <summary>Front matter and plain-text header lines read one table of key names: "publication" and "by" were
    /// known only to plain text, "canonical" and "site" only to front matter.</summary>
    [Fact]
    public void Parse_MetadataKeys_SameSpellingsInFrontMatterAndHeaderLines()
    {
        var markdown = Parsing.ParseArticle("---\ntitle: Council Passes Budget\npublication: City Wire\nby: Jane Roe\n---\nThe council approved the new budget on Tuesday after a long debate.", "budget.md");
        var text = Parsing.ParseArticle("Site: City Wire\nCanonical: https://example.com/budget\nCouncil Passes Budget\nThe council approved the new budget on Tuesday after a long debate, officials said.");

        Assert.Equal("City Wire", markdown.Outlet);
        Assert.Equal("Jane Roe", markdown.Byline);
        Assert.Equal("City Wire", text.Outlet);
        Assert.Equal(new Uri("https://example.com/budget"), text.Url);
    }

    [Theory]
    [InlineData("# Heading Title\n\nBody text here.", "Heading Title", "Body text here.")]
    [InlineData("---\ntitle: Front Title\n---\n# Other Heading\n\nBody text here.", "Front Title", "Body text here.")]
    [InlineData("---\nheadline: Front Title\n---\nBody text here.", "Front Title", "Body text here.")]
    [InlineData("Short First Paragraph\n\nBody text here.", "Short First Paragraph", "Body text here.")]
    public void Parse_TitleSources(string markdown, string title, string body)
    {
        var article = Parsing.ParseArticle(markdown, "story.md");

        Assert.Equal(title, article.Title);
        Assert.Equal(body, article.Paragraphs.Last());
    }

    [Fact]
    public void Parse_MalformedYamlWithHeading_WarnsAndContinues()
    {
        var result = Parsing.Parse("---\ntitle: [unclosed\nsource: X\n---\n# The Real Title\n\nBody text here.", "story.md");
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));

        Assert.Equal("The Real Title", result.Article!.Title);
        Assert.Null(result.Article.Outlet);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "invalid-front-matter");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("not valid YAML", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedYamlWithoutHeading_RejectedWithReason()
    {
        var result = Parsing.Parse("---\ntitle: [unclosed\n---\nBody text here.", "story.md");

        Assert.Equal("invalid-front-matter", result.ErrorCode());
        Assert.Contains("not valid YAML", result.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmphasisLineUnderImage_IsCaption()
    {
        var article = Parsing.ParseArticle("# Title\n\n![](a.jpg)\n\n*Crowds in the square on Tuesday.*\n\nBody text here.", "story.md");

        Assert.Equal(["Crowds in the square on Tuesday."], article.ImageCaptions);
        Assert.Equal(["Body text here."], article.Paragraphs);
    }

    [Fact]
    public void Parse_RawHtmlAndScripts_OnlyTextSurvives()
    {
        var markdown = "# Title\n\n<script>alert(1)</script>\n\nText with <b onclick=\"x()\">bold</b> and <script>evil()</script> inline.\n\n<figure><img src=x onerror=alert(1)><figcaption>A caption</figcaption></figure>\n\n[click](javascript:alert(1))";

        var article = Parsing.ParseArticle(markdown, "story.md");
        var json = Parsing.Json(article);

        Assert.Equal(["Text with bold and inline.", "click"], article.Paragraphs);
        Assert.Equal(["A caption"], article.ImageCaptions);
        Assert.DoesNotContain("alert", json, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(">", 100_000, "too-deeply-nested")]
    [InlineData("- ", 50_000, "too-deeply-nested")]
    [InlineData("1. ", 40, "too-deeply-nested")]
    [InlineData("[", 200_000, "too-complex")]
    [InlineData("![", 100_000, "too-complex")]
    [InlineData("*", 200_000, null)]
    [InlineData("> ", 20, null)]
    public void Parse_HostileNesting_RejectedOrReadWithoutCrash(string unit, int count, string? code)
    {
        var markdown = "# Title\n\n" + string.Concat(Enumerable.Repeat(unit, count)) + " deep text";

        var result = new ArticleParser(10 * 1024 * 1024).Parse(System.Text.Encoding.UTF8.GetBytes(markdown), "story.md");

        if (code is null)
        {
            Assert.True(result.Succeeded, result.RejectionReason);
            Assert.EndsWith("deep text", result.Article!.BodyText, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(code, result.ErrorCode());
        }
    }

    [Fact]
    public void Parse_DeeplyNestedYaml_IgnoredWithWarning()
    {
        var markdown = "---\ntitle: " + new string('[', 100_000) + "\n---\n# Title\n\nBody text here.";

        var result = Parsing.Parse(markdown, "story.md");

        Assert.Equal("Title", result.Article!.Title);
        Assert.True(result.Has("invalid-front-matter"));
    }
}
