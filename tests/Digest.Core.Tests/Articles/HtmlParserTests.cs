using Digest.Core.Articles;

namespace Digest.Core.Tests.Articles;

public sealed class HtmlParserTests
{
    private const string Page = """
        <!doctype html>
        <html lang="de">
        <head>
          <title>Budget passed | City Wire</title>
          <meta property="og:title" content="Council Passes Budget">
          <meta property="og:site_name" content="City Wire">
          <meta property="og:url" content="https://example.com/budget">
          <meta property="article:published_time" content="2025-09-02T08:30:00+02:00">
          <meta name="author" content="Jane Roe">
          <style>p { color: red }</style>
        </head>
        <body>
          <header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
          <div class="share-bar">Share on Facebook</div>
          <article>
            <h1>Council Passes Budget</h1>
            <p>The council <b>approved</b> the new budget on <a href="/tue">Tuesday</a>.</p>
            <figure><img src="c.jpg" alt="chamber"><figcaption>The chamber. Photo: City Wire</figcaption></figure>
            <div class="ad-slot"><p>Buy now! Great offers on everything.</p></div>
            <h2>What Comes Next</h2>
            <p>Schools get more money.<br>Roads get less.</p>
            <aside><p>Related: Another story entirely.</p></aside>
            <section id="comments"><p>First comment!</p></section>
          </article>
          <footer><p>Copyright City Wire</p></footer>
        </body>
        </html>
        """;

    [Fact]
    public void Parse_ArticlePage_MetadataAndCleanText()
    {
        var result = Parsing.Parse(Page, "budget.html");
        var article = result.Article!;

        Assert.Equal("Council Passes Budget", article.Title);
        Assert.Equal("City Wire", article.Outlet);
        Assert.Equal("Jane Roe", article.Byline);
        Assert.Equal(new Uri("https://example.com/budget"), article.Url);
        Assert.Equal(new DateTimeOffset(2025, 9, 2, 8, 30, 0, TimeSpan.FromHours(2)), article.Published);
        Assert.Equal("de", article.Language);
        Assert.Equal(ArticleFormat.Html, article.Format);
        Assert.Equal(["The chamber. Photo: City Wire"], article.ImageCaptions);
        Assert.Equal([null, "What Comes Next"], article.Sections.Select(s => s.Heading));
        Assert.Equal(["The council approved the new budget on Tuesday."], article.Sections[0].Paragraphs);
        Assert.Equal(["Schools get more money. Roads get less."], article.Sections[1].Paragraphs);
    }

    [Theory]
    [InlineData("<html><head><title>From Title</title></head><body><p>Body text.</p></body></html>", "From Title")]
    [InlineData("<html><head><title>From Title</title></head><body><h1>From H1</h1><p>Body text.</p></body></html>", "From H1")]
    [InlineData("""<html><head><title>From Title | City Wire</title><meta property="og:site_name" content="City Wire"></head><body><p>Body text.</p></body></html>""", "From Title")]
    [InlineData("""<html><head><title>From Title | Other Site</title><meta property="og:site_name" content="City Wire"></head><body><p>Body text.</p></body></html>""", "From Title | Other Site")]
    [InlineData("""<html><head><title>T</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"From JSON-LD"}</script></head><body><h1>From H1</h1><p>Body text.</p></body></html>""", "From JSON-LD")]
    [InlineData("""<html><head><meta property="og:title" content="From OG"><script type="application/ld+json">{"@type":"NewsArticle","headline":"From JSON-LD"}</script></head><body><h1>From H1</h1><p>Body text.</p></body></html>""", "From OG")]
    public void Parse_TitlePrecedence(string html, string title)
    {
        var article = Parsing.ParseArticle(html, "page.html");

        Assert.Equal(title, article.Title);
        Assert.Equal("Body text.", article.Paragraphs.Last());
    }

    [Fact]
    public void Parse_JsonLdGraph_SuppliesOutletDateAndAuthors()
    {
        var html = """
            <html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Site"},
              {"@type":["NewsArticle"],"headline":"Graph Headline","datePublished":"2025-09-02T06:00:00Z",
               "author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"John Doe"}],
               "publisher":{"@type":"Organization","name":"Graph News"},"url":"https://example.com/g","inLanguage":"en-GB"}]}
            </script></head><body><p>Body text.</p></body></html>
            """;

        var article = Parsing.ParseArticle(html, "page.html");

        Assert.Equal("Graph Headline", article.Title);
        Assert.Equal("Graph News", article.Outlet);
        Assert.Equal("Jane Roe, John Doe", article.Byline);
        Assert.Equal(new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal(new Uri("https://example.com/g"), article.Url);
        Assert.Equal("en-GB", article.Language);
    }

    [Fact]
    public void Parse_JsonLdAuthorWithOnlyId_NotUsedAsByline()
    {
        var html = """<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":{"@id":"https://example.com/#jane"}}</script></head><body><p>Body text.</p></body></html>""";

        Assert.Null(Parsing.ParseArticle(html, "page.html").Byline);
    }

    [Fact]
    public void Parse_InvalidJsonLd_WarningAndFallback()
    {
        var result = Parsing.Parse("""<html><head><script type="application/ld+json">{"@type": "NewsArticle", </script></head><body><h1>Fallback</h1><p>Body text.</p></body></html>""", "page.html");

        Assert.Equal("Fallback", result.Article!.Title);
        Assert.True(result.Has("invalid-json-ld"));
    }

    [Fact]
    public void Parse_NoArticleElement_PicksContainerWithMostParagraphText()
    {
        var html = """
            <html><body><h1>Main Story</h1>
            <div class="menu"><p>Home</p><p>About</p></div>
            <div class="content"><p>The first long paragraph of the story, with plenty of text in it.</p><p>The second long paragraph of the story, also with plenty of text.</p></div>
            <div class="teasers"><p>Other story</p></div>
            </body></html>
            """;

        var article = Parsing.ParseArticle(html, "page.html");

        Assert.Equal("Main Story", article.Title);
        Assert.Equal(2, article.Paragraphs.Count());
        Assert.StartsWith("The first long paragraph", article.BodyText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<meta property="og:url" content="javascript:alert(1)">""", null, true)]
    [InlineData("""<link rel="canonical" href="https://example.com/c">""", "https://example.com/c", false)]
    [InlineData("""<meta property="og:url" content="data:text/html,x"><link rel="canonical" href="https://example.com/c">""", "https://example.com/c", false)]
    [InlineData("""<link rel="canonical" href="/relative">""", null, true)]
    public void Parse_Url_OnlyHttpOrHttps(string head, string? url, bool warned)
    {
        var result = Parsing.Parse($"<html><head>{head}</head><body><h1>T</h1><p>Body text.</p></body></html>", "page.html");

        Assert.Equal(url, result.Article!.Url?.ToString());
        Assert.Equal(warned, result.Has("url-dropped"));
    }

    [Fact]
    public void Parse_BylineElementAndTime_UsedWhenNoMeta()
    {
        var html = """<html><body><article><h1>T</h1><p class="byline">By Jane Roe</p><time datetime="2025-09-01">Monday</time><p>Body text.</p></article></body></html>""";

        var article = Parsing.ParseArticle(html, "page.html");

        Assert.Equal("Jane Roe", article.Byline);
        Assert.Equal(new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void Parse_DeeplyNestedHtml_RejectedQuicklyWithoutCrash()
    {
        var html = "<html><body><h1>T</h1>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>deep</p></body></html>";

        Assert.Equal("too-deeply-nested", Parsing.Parse(html, "page.html").ErrorCode());
    }

    [Fact]
    public void Parse_ModeratelyNestedHtml_Read()
    {
        var html = "<html><body><h1>T</h1>" + string.Concat(Enumerable.Repeat("<div>", 200)) + "<p>deep text</p>" + string.Concat(Enumerable.Repeat("</div>", 200)) + "</body></html>";

        Assert.Equal("deep text", Parsing.ParseArticle(html, "page.html").BodyText);
    }
}
