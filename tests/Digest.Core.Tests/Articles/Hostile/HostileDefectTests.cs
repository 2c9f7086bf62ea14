using Digest.Testing;
using System.Text;
using Digest.Core.Articles;

namespace Digest.Core.Tests.Articles.Hostile;

/// <summary>The parser defects issue 12's hostile-input run found; each test failed before its fix.</summary>
public sealed class HostileDefectTests
{
    [Fact]
    public void Parse_FrontMatterWith30000DeepBlockSequence_IgnoredWithReasonNoStackOverflow()
    {
        var markdown = "---\ntitle: x\ntags:\n" + string.Concat(Enumerable.Repeat("- ", 30_000)) + "deep\n---\n# Title\n\nBody text here.";

        var result = Parsing.Parse(markdown, "story.md");

        Assert.Equal("Title", result.Article!.Title);
        Assert.Contains(result.Diagnostics, d => d.Code == "invalid-front-matter" && d.Message.Contains("nested", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_FrontMatterWithDeepBlockSequenceAndNoHeading_RejectedWithReason()
    {
        var markdown = "---\ntitle: x\ntags:\n" + string.Concat(Enumerable.Repeat("- ", 30_000)) + "deep\n---\nBody text here.";

        var result = Parsing.Parse(markdown, "story.md");

        Assert.False(result.Succeeded);
        Assert.Equal("invalid-front-matter", result.ErrorCode());
        Assert.Contains("nested", result.RejectionReason, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Quadratic => new()
    {
        { "attribute-lt", "<html><body><h1>T</h1>" + string.Concat(Enumerable.Repeat("<div title=\"<script>\">", 50_000)) + "<p>deep</p></body></html>" },
        { "attribute-comment", "<html><body><h1>T</h1>" + string.Concat(Enumerable.Repeat("<div title=\"<!--\">", 50_000)) + "<p>deep</p></body></html>" },
        { "empty-comment", "<html><body><h1>T</h1><!-->" + string.Concat(Enumerable.Repeat("<div>", 50_000)) + "<p>deep</p></body></html>" },
        { "markdown-html-block", "# Title\n\nSome text.\n\n" + string.Concat(Enumerable.Repeat("<div title=\"<!--\">", 50_000)) + "deep\n" },
        { "markdown-indented-lists", "# Title\n\n" + string.Concat(Enumerable.Range(0, 3_000).Select(i => new string(' ', i * 2) + "- item " + i + "\n")) },
    };

    [Theory]
    [MemberData(nameof(Quadratic))]
    public void Parse_QuadraticNesting_ParsedOrRejectedWithinTheWorkBound(string label, string text)
    {
        var name = label.StartsWith("markdown", StringComparison.Ordinal) ? "story.md" : "page.html";
        var parser = new ArticleParser();
        var result = parser.Parse(Encoding.UTF8.GetBytes(text), name);

        Assert.True(result.Steps <= parser.MaxSteps, $"{label}: {result.Steps:N0} steps");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "too-slow");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "parser-failed");
        Assert.True(result.Succeeded || result.RejectionReason is { Length: > 0 });
    }

    [Fact]
    public void Parse_Utf8WithOneStrayWindows1252Byte_DecodedAsUtf8ReplacingOnlyThatByte()
    {
        byte[] bytes = [.. "Café owners in Tōkyō and 日本 celebrate\n\nThe café reopened "u8, 0x93, .. "today"u8, 0x94, .. " after repairs in 日本.\n"u8];

        var result = new ArticleParser().Parse(bytes, "story.txt");

        Assert.True(result.Succeeded, result.RejectionReason);
        Assert.Equal("Café owners in Tōkyō and 日本 celebrate", result.Article!.Title);
        Assert.Contains("repairs in 日本", result.Article.BodyText, StringComparison.Ordinal);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Code == "invalid-utf8-replaced");
    }

    [Fact]
    public void Parse_Utf8WithTruncatedLastCharacter_DecodedAsUtf8()
    {
        var full = Encoding.UTF8.GetBytes("日本の首相が辞任\n\n日本の首相は火曜日に辞任を発表した。");
        var bytes = full[..^2]; // the last character loses its last two bytes

        var result = new ArticleParser().Parse(bytes, "story.txt");

        Assert.True(result.Succeeded, result.RejectionReason);
        Assert.Equal("日本の首相が辞任", result.Article!.Title);
        Assert.StartsWith("日本の首相は火曜日に辞任を発表した", result.Article.BodyText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shift_jis", "<meta charset=\"shift_jis\">")]
    [InlineData("gb18030", "<meta charset=gb18030>")]
    [InlineData("shift_jis", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">")]
    public void Parse_HtmlMetaCharset_Honoured(string charset, string meta)
    {
        var encoding = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(charset)!;
        var html = $"<html><head>{meta}<title>x</title></head><body><article><h1>日本の首相が辞任</h1><p>首相は火曜日に辞任を発表した。</p></article></body></html>";

        var result = new ArticleParser().Parse(encoding.GetBytes(html), "page.html", "text/html");

        Assert.True(result.Succeeded, result.RejectionReason);
        Assert.Equal("日本の首相が辞任", result.Article!.Title);
        Assert.Equal("首相は火曜日に辞任を発表した。", result.Article.BodyText);
    }
}
