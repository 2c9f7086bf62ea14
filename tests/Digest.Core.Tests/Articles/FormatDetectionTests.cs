using Digest.Core.Articles;

namespace Digest.Core.Tests.Articles;

public sealed class FormatDetectionTests
{
    private const string Html = "<html><body><h1>Title</h1><p>Body text.</p></body></html>";
    private const string Markdown = "---\ntitle: Title\n---\nBody text.";
    private const string Json = """{"title":"Title","body":"Body text."}""";
    private const string Text = "Title\nBody text.";

    [Theory]
    [InlineData(Html, "a.html", null, ArticleFormat.Html)]
    [InlineData(Html, "a.htm", null, ArticleFormat.Html)]
    [InlineData(Html, "a", null, ArticleFormat.Html)]
    [InlineData(Html, "a.bin", "text/html; charset=utf-8", ArticleFormat.Html)]
    [InlineData(Markdown, "a.md", null, ArticleFormat.Markdown)]
    [InlineData(Markdown, "a.markdown", null, ArticleFormat.Markdown)]
    [InlineData(Markdown, "a", "application/octet-stream", ArticleFormat.Markdown)]
    [InlineData(Markdown, "a", "text/markdown", ArticleFormat.Markdown)]
    [InlineData("# Title\n\nBody text.", "a", null, ArticleFormat.Markdown)]
    [InlineData(Json, "a.json", null, ArticleFormat.Json)]
    [InlineData(Json, "a", "application/json", ArticleFormat.Json)]
    [InlineData("  \n" + Json, "a", null, ArticleFormat.Json)]
    [InlineData(Text, "a.txt", null, ArticleFormat.PlainText)]
    [InlineData(Text, "a", null, ArticleFormat.PlainText)]
    [InlineData(Text, "a", "text/plain", ArticleFormat.PlainText)]
    [InlineData(Html, "a", "text/plain", ArticleFormat.Html)]
    public void Parse_DetectsFormat(string content, string name, string? contentType, ArticleFormat format)
    {
        var article = Parsing.ParseArticle(content, name, contentType);

        Assert.Equal(format, article.Format);
        Assert.Equal("Title", article.Title);
        Assert.Equal("Body text.", article.BodyText);
    }

    [Fact]
    public void Parse_ExtensionBeatsContent_HtmlInTxtIsText()
    {
        var article = Parsing.ParseArticle("<p>Title</p>\nBody text.", "a.txt");

        Assert.Equal(ArticleFormat.PlainText, article.Format);
        Assert.Equal("<p>Title</p>", article.Title);
    }
}
