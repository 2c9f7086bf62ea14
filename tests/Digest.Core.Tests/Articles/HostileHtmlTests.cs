using Digest.Core.Articles;

namespace Digest.Core.Tests.Articles;

/// <summary>Whatever the page contains, the article holds plain text only: no tags, handlers, scripts or javascript: links.</summary>
public sealed class HostileHtmlTests
{
    public static TheoryData<string> Pages => new()
    {
        "<html><body><h1>Title</h1><p>Safe text.<script>alert(1)</script></p></body></html>",
        "<html><body><h1 onclick=\"alert(1)\">Title</h1><p>Safe text.<img src=x onerror=alert(1)></p></body></html>",
        "<html><body><h1>Title</h1><p><a href=\"javascript:alert(1)\">Safe text.</a></p></body></html>",
        "<html><body><h1>Title</h1><p>Safe text.</p><iframe src=\"javascript:alert(1)\"></iframe><svg><script>alert(1)</script></svg></body></html>",
        "<html><body><h1>Title<style>body{background:url(javascript:alert(1))}</style></h1><p>Safe text.<noscript><img src=x onerror=alert(1)></noscript></p></body></html>",
        "<html><body><h1>Title</h1><p>Safe text.<object data=\"x.swf\">alert(1)</object><form action=\"javascript:alert(1)\"><input value=\"alert(1)\"></form></p></body></html>",
        "<html><body><h1>Title</h1><p>Safe text.</p><p><template><script>alert(1)</script></template></p></body></html>",
        "<html><body><h1>Title</h1><p>Safe<!-- <script>alert(1)</script> --> text.</p></body></html>",
        "<html><body><h1>Title</h1><p>Safe <math><mtext><script>alert(1)</script></mtext></math>text.</p></body></html>",
        "<html><body><h1>Title</h1><p>Safe text.</p><p style=\"display:none\" hidden>alert(1)</p></body></html>",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Parse_HostileMarkup_OnlyPlainTextSurvives(string html)
    {
        var article = Parsing.ParseArticle(html, "page.html");
        var json = Parsing.Json(article);

        Assert.Equal("Title", article.Title);
        Assert.Equal("Safe text.", article.BodyText);
        Assert.DoesNotContain("alert", json, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u003C", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_EscapedMarkupInText_StaysTextNotMarkup()
    {
        var article = Parsing.ParseArticle("<html><body><h1>Title</h1><p>Write &lt;b&gt; for bold.</p></body></html>", "page.html");

        // The page shows the characters "<b>" as text; they stay text (the digest renderer escapes them again).
        Assert.Equal("Write <b> for bold.", article.BodyText);
    }
}
