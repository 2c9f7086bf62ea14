using System.Text;
using Digest.Core.Articles;

namespace Digest.Core.Tests.Articles;

public sealed class RejectionTests
{
    public static TheoryData<string, byte[], string, string> Inputs => new()
    {
        { "empty", [], "story.txt", "empty-input" },
        { "white space", Encoding.UTF8.GetBytes(" \r\n\t \n "), "story.txt", "empty-input" },
        { "BOM only", [0xEF, 0xBB, 0xBF], "story.txt", "empty-input" },
        { "PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52], "photo.txt", "binary-input" },
        { "PDF", Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "story.pdf", "binary-input" },
        { "ZIP", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "story.docx", "binary-input" },
        { "GIF", Encoding.ASCII.GetBytes("GIF89a....."), "story.md", "binary-input" },
        { "JPEG", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], "story.html", "binary-input" },
        { "NUL bytes", [.. "Title\nBody"u8, 0x00, 0x01, 0x02], "story.txt", "binary-input" },
        { "UTF-16 without BOM", Encoding.Unicode.GetBytes("Title\nBody text."), "story.txt", "binary-input" },
        { "invalid JSON", Encoding.UTF8.GetBytes("{\"title\": \"A\", \"body\": }"), "story.json", "invalid-json" },
        { "JSON array", Encoding.UTF8.GetBytes("[1, 2]"), "story.json", "invalid-json" },
        { "JSON without title", Encoding.UTF8.GetBytes("{\"body\": \"Text.\"}"), "story.json", "no-title" },
        { "JSON without body", Encoding.UTF8.GetBytes("{\"title\": \"A Title\"}"), "story.json", "no-body" },
        { "title only", Encoding.UTF8.GetBytes("Just A Headline\n"), "story.txt", "no-body" },
        { "HTML without text", Encoding.UTF8.GetBytes("<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>"), "story.html", "no-title" },
        { "Markdown, bad YAML, no heading", Encoding.UTF8.GetBytes("---\ntitle: [unclosed\n---\nSome body text.\n"), "story.md", "invalid-front-matter" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Parse_BadInput_RejectedWithCode(string label, byte[] bytes, string name, string code)
    {
        var result = new ArticleParser().Parse(bytes, name);

        Assert.False(result.Succeeded, label);
        Assert.Null(result.Article);
        Assert.Equal(code, result.ErrorCode());
        Assert.False(string.IsNullOrWhiteSpace(result.RejectionReason));
    }

    [Fact]
    public void Parse_OverLimit_TooLargeWithSizeInMessage()
    {
        var parser = new ArticleParser(maxArticleBytes: 1000);

        var result = parser.Parse(new byte[1001], "big.txt");

        Assert.Equal("too-large", result.ErrorCode());
        Assert.Contains("1,001", result.RejectionReason, StringComparison.Ordinal);
        Assert.Contains("1,000", result.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AtLimit_Accepted()
    {
        var text = "A Title\n" + new string('x', 992);
        var parser = new ArticleParser(maxArticleBytes: 1000);

        Assert.True(parser.Parse(Encoding.ASCII.GetBytes(text), "ok.txt").Succeeded);
    }

    [Fact]
    public void Parse_DefaultLimit_IsTenMebibytes()
    {
        Assert.Equal(10 * 1024 * 1024, new ArticleParser().MaxArticleBytes);
        Assert.Equal(10 * 1024 * 1024, new DigestOptions().MaxArticleBytes);
    }

    [Fact]
    public void Parse_InvalidJson_ReasonNamesThePosition()
    {
        var result = Parsing.Parse("{\n  \"title\": \"A\",\n  \"body\": oops\n}", "story.json");

        Assert.Equal("invalid-json", result.ErrorCode());
        Assert.Contains("line 3", result.RejectionReason, StringComparison.Ordinal);
    }
}
