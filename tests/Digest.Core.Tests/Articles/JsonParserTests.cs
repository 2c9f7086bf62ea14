using System.Text.Json;
using Digest.Core.Articles;
using Digest.Core.Json;

namespace Digest.Core.Tests.Articles;

public sealed class JsonParserTests
{
    [Theory]
    [InlineData("""{"title":"Council Passes Budget","body":"The council approved the budget.\n\nThe mayor welcomed it."}""")]
    [InlineData("""{"Title":"Council Passes Budget","text":"The council approved the budget.\n\nThe mayor welcomed it."}""")]
    [InlineData("""{"headline":"Council Passes Budget","content":["The council approved the budget.","The mayor welcomed it."]}""")]
    [InlineData("""{"title":"Council Passes Budget", /* editors comment */ "body":"The council approved the budget.\n\nThe mayor welcomed it.",}""")]
    public void Parse_MinimalShapes_SameArticle(string json)
    {
        var article = Parsing.ParseArticle(json, "story.json");

        Assert.Equal("Council Passes Budget", article.Title);
        Assert.Equal(["The council approved the budget.", "The mayor welcomed it."], article.Paragraphs);
        Assert.Equal(ArticleFormat.Json, article.Format);
    }

    [Fact]
    public void Parse_MinimalShape_AllMetadata()
    {
        var json = """
            {"title":"Council Passes Budget","body":"(City Wire) - The council approved the budget.",
             "source":"Town Crier","url":"https://example.com/b","published":"2025-09-02","author":["Jane Roe","John Doe"],"lang":"es"}
            """;

        var article = Parsing.ParseArticle(json, "story.json");

        Assert.Equal("Town Crier", article.Outlet);
        Assert.Equal("The council approved the budget.", article.BodyText);
        Assert.Equal(new Uri("https://example.com/b"), article.Url);
        Assert.Equal(new DateTimeOffset(2025, 9, 2, 0, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("Jane Roe, John Doe", article.Byline);
        Assert.Equal("es", article.Language);
    }

    [Fact]
    public void Parse_NormalisedArticle_RoundTripsWithRecomputedFields()
    {
        var original = Parsing.ParseArticle("Council Passes Budget\nThe council approved the budget.\nWhat Comes Next\nSchools get more money.", "story.txt");
        var tampered = original with { Id = "forged", ContentHash = "forged", SourceName = "elsewhere.txt", Format = ArticleFormat.Html };

        var reparsed = Parsing.ParseArticle(JsonSerializer.Serialize(tampered, DigestJsonContext.Stored.Article), "again.json");

        Assert.Equal(original.Id, reparsed.Id);
        Assert.Equal(original.ContentHash, reparsed.ContentHash);
        Assert.Equal("again.json", reparsed.SourceName);
        Assert.Equal(ArticleFormat.Json, reparsed.Format);
        Assert.Equal(original.Sections, reparsed.Sections, (a, b) => a.Heading == b.Heading && a.Paragraphs.SequenceEqual(b.Paragraphs));
        Assert.Equal(original.Title, reparsed.Title);
    }

    [Fact]
    public void Parse_ArticleShapeWithWrongTypes_InvalidJsonWithPath()
    {
        var result = Parsing.Parse("""{"title":"T","sections":[{"paragraphs":"not a list"}]}""", "story.json");

        Assert.Equal("invalid-json", result.ErrorCode());
        Assert.Contains("$.sections[0].paragraphs", result.RejectionReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"title":"T","body":"Body.","url":"javascript:alert(1)"}""", "url-dropped")]
    [InlineData("""{"title":"T","body":"Body.","published":"next tuesday-ish"}""", "invalid-date")]
    [InlineData("""{"title":"T","body":"Body.","lang":"not a language"}""", "invalid-language")]
    public void Parse_BadOptionalField_WarningAndArticleKept(string json, string code)
    {
        var result = Parsing.Parse(json, "story.json");

        Assert.True(result.Succeeded);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(result.Diagnostics, d => d.Code == code).Severity);
    }
}
