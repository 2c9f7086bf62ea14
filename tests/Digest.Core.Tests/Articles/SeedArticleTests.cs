using System.Text;
using Digest.Core.Articles;

namespace Digest.Core.Tests.Articles;

/// <summary>The two seed articles: explicit expectations, and their full parser output as golden files.</summary>
public sealed class SeedArticleTests
{
    private const string Seed000 = "000_fe249ff8f491b8c1.txt";
    private const string Seed004 = "004_e7999472ea4a2766.txt";

    public static TheoryData<string> Seeds => [Seed000, Seed004];

    [Fact]
    public void Parse_Seed000_OutletFromDatelineAndImageCreditStaysInCaption()
    {
        var article = ParseSeed(Seed000);

        Assert.Equal("The Post News", article.Outlet);
        Assert.Contains(article.ImageCaptions, c => c.Contains("Ommcom News", StringComparison.Ordinal));
        Assert.Equal("Kim Jong Un arrives in Beijing by armoured train to join China Xi Jinping and Russia Vladimir Putin ahead of a historic Victory Day parade", article.Title);
        Assert.StartsWith("North Korean leader Kim Jong Un traveled to Beijing", article.Sections[0].Paragraphs[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Ommcom", article.BodyText, StringComparison.Ordinal);
        Assert.Equal(["Kim Jong Un’s Rare Diplomatic Outing", "Beijing Parade: A Show of Military Might", "Kim’s Legendary Train"], article.Sections.Select(s => s.Heading).OfType<string>());
        Assert.Equal(ArticleFormat.PlainText, article.Format);
        Assert.Equal("en", article.Language);
    }

    [Fact]
    public void Parse_Seed004_TitleFromFirstLineAndNoOutlet()
    {
        var article = ParseSeed(Seed004);

        Assert.Equal("Kim Jong Un Arrives in Beijing to Attend China’s Victory Day Military Parade", article.Title);
        Assert.Null(article.Outlet);
        Assert.Empty(article.ImageCaptions);
        Assert.Equal(
            ["A Historic Visit by Armored Train", "First North Korean Leader at a Chinese Parade Since 1959", "Showcasing China’s Military Strength", "Limited Western Presence, Strong Asian Representation"],
            article.Sections.Select(s => s.Heading).OfType<string>());
        Assert.Equal(10, article.Paragraphs.Count());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Parse_Seed_MatchesGoldenFile(string seed)
    {
        GoldenFile.AssertMatches(Path.ChangeExtension(seed, ".json"), Parsing.Json(ParseSeed(seed)) + "\n");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Parse_SeedUploadedTwiceUnderOtherNames_SameIdAndHash(string seed)
    {
        var bytes = File.ReadAllBytes(RepoFiles.Seed(seed));
        var parser = new ArticleParser();

        var first = parser.Parse(bytes, "a.txt").Article!;
        var crlf = parser.Parse(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).ReplaceLineEndings("\r\n")), "b.txt").Article!;

        Assert.Equal(first.Id, crlf.Id);
        Assert.Equal(first.ContentHash, crlf.ContentHash);
        Assert.Equal(first.ContentHash[..16], first.Id);
        Assert.Equal(64, first.ContentHash.Length);
    }

    private static Article ParseSeed(string name)
    {
        var result = new ArticleParser().Parse(File.ReadAllBytes(RepoFiles.Seed(name)), name);
        Assert.True(result.Succeeded, result.RejectionReason);
        return result.Article!;
    }
}
