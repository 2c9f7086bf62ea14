using Digest.Core.Articles;

namespace Digest.Core.Tests.Articles;

/// <summary>Hand-written fixtures (one per format) whose full parser output is pinned by golden files.</summary>
public sealed class FixtureGoldenTests
{
    public static TheoryData<string> Fixtures => ["harbour-bridge.html", "school-meals.md", "rail-strike.json"];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_Fixture_MatchesGoldenFile(string fixture)
    {
        var result = Parse(fixture);

        Assert.True(result.Succeeded, result.RejectionReason);
        GoldenFile.AssertMatches(Path.GetFileNameWithoutExtension(fixture) + ".golden.json", Parsing.Json(result.Article!) + "\n");
    }

    [Fact]
    public void Parse_HtmlFixture_KeyFields()
    {
        var article = Parse("harbour-bridge.html").Article!;

        Assert.Equal("Harbour Bridge Reopens After Two Years of Repairs", article.Title);
        Assert.Equal("Coastal Courier", article.Outlet);
        Assert.Equal("Ana Pereira, Tom Hale", article.Byline);
        Assert.Equal("en-GB", article.Language);
        Assert.Equal(["The first cars cross the bridge at dawn on Monday. Photo: Coastal Courier"], article.ImageCaptions);
        Assert.Equal([null, "What Changed", "Traffic"], article.Sections.Select(s => s.Heading));
        Assert.DoesNotContain("Advertisement", article.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("Related", article.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("cookies", article.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("By Ana Pereira", article.BodyText, StringComparison.Ordinal);
        Assert.Contains("Buses will use the bridge again from Saturday.", article.Paragraphs);
    }

    [Fact]
    public void Parse_MarkdownFixture_KeyFields()
    {
        var article = Parse("school-meals.md").Article!;

        Assert.Equal("Valley Gazette", article.Outlet);
        Assert.Equal("Priya Shah", article.Byline);
        Assert.Equal(["Pupils queue for lunch. Pupils at Hillside Primary. Photo: Valley Gazette"], article.ImageCaptions);
        Assert.Equal([null, "How It Works", "Reaction"], article.Sections.Select(s => s.Heading));
        Assert.StartsWith("Every primary school pupil in the valley will get a free hot lunch from January, the regional council announced", article.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonFixture_BodyReadLikePlainText()
    {
        var article = Parse("rail-strike.json").Article!;

        Assert.Equal("Metro Wire", article.Outlet);
        Assert.Equal([null, "What Happens Next"], article.Sections.Select(s => s.Heading));
    }

    private static ArticleParseResult Parse(string fixture) =>
        new ArticleParser().Parse(File.ReadAllBytes(Path.Combine(RepoFiles.Root, "tests", "Digest.Core.Tests", "Articles", "Fixtures", fixture)), fixture);
}
