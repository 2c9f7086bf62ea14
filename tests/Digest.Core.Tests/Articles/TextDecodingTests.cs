using System.Text;
using Digest.Core.Articles;

namespace Digest.Core.Tests.Articles;

public sealed class TextDecodingTests
{
    private const string Article = "Café “Crème” Reopens\nThe café on the corner reopened on Monday after a year of repairs, its owner said.";

    public static TheoryData<string, byte[]> Encodings => new()
    {
        { "utf-8", Encoding.UTF8.GetBytes(Article) },
        { "utf-8 with BOM", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Article)] },
        { "utf-16 LE with BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Article)] },
        { "utf-16 BE with BOM", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Article)] },
        { "utf-32 LE with BOM", [0xFF, 0xFE, 0x00, 0x00, .. Encoding.UTF32.GetBytes(Article)] },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Parse_UnicodeEncodings_SameArticle(string label, byte[] bytes)
    {
        var result = new ArticleParser().Parse(bytes, "story.txt");

        Assert.True(result.Succeeded, label + ": " + result.RejectionReason);
        Assert.Equal("Café “Crème” Reopens", result.Article!.Title);
        Assert.StartsWith("The café on the corner", result.Article.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
    }

    [Fact]
    public void Parse_InvalidUtf8_DecodedAsWindows1252WithWarning()
    {
        // 0x93 and 0x94 are curly double quotes in Windows-1252 and invalid on their own in UTF-8; 0xE9 is é.
        byte[] bytes = [.. "Mayor Says "u8, 0x93, .. "No"u8, 0x94, .. " To New Caf"u8, 0xE9, .. "\r\nThe mayor rejected the plan on Tuesday.\r\n"u8];

        var result = new ArticleParser().Parse(bytes, "story.txt");

        Assert.True(result.Succeeded, result.RejectionReason);
        Assert.Equal("Mayor Says “No” To New Café", result.Article!.Title);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "decoded-as-windows-1252");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
    }

    [Fact]
    public void Parse_DeclaredCharset_Honoured()
    {
        var latin1 = Encoding.Latin1.GetBytes("Zürich Votes\nVoters in Zürich approved the budget.");

        var result = new ArticleParser().Parse(latin1, "story.txt", "text/plain; charset=iso-8859-1");

        Assert.Equal("Zürich Votes", result.Article!.Title);
        Assert.True(result.Has("decoded-as-declared-charset"));
    }

    [Fact]
    public void Parse_DecomposedUnicode_NormalisedToNfc()
    {
        var decomposed = "Cafe\u0301 Reopens\nThe cafe\u0301 reopened.";

        var article = Parsing.ParseArticle(decomposed);

        Assert.Equal("Café Reopens", article.Title);
        Assert.Equal("The café reopened.", article.BodyText);
    }

    [Theory]
    [InlineData("Title\u0007 Here\nBody\u0000 text with a bell.", "Title Here", "Body text with a bell.")]
    [InlineData("Title\t\tHere\r\nBody \u00A0  text.\r\n", "Title Here", "Body text.")]
    [InlineData("\uFEFFTitle\u202E Here\rBody\u200B text.", "Title Here", "Body text.")]
    public void Parse_ControlAndInvisibleCharacters_Stripped(string input, string title, string body)
    {
        var result = new ArticleParser().Parse(Encoding.UTF8.GetBytes(input), "story.txt");

        // A NUL byte marks binary input; the other controls are stripped.
        if (input.Contains('\0'))
        {
            Assert.Equal("binary-input", result.ErrorCode());
            return;
        }

        Assert.Equal(title, result.Article!.Title);
        Assert.Equal(body, result.Article.BodyText);
    }
}
