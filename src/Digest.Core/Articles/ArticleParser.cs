using System.Security.Cryptography;
using System.Text;

namespace Digest.Core.Articles;

/// <summary>
/// Facade over the format parsers: detects the format, decodes the bytes and returns an article or diagnostics.
/// PLACEHOLDER (scaffold): plain UTF-8 text only; the Articles work replaces it.
/// </summary>
public sealed class ArticleParser
{
    public ArticleParseResult Parse(ReadOnlyMemory<byte> content, string sourceName, string? contentType = null)
    {
        var text = Encoding.UTF8.GetString(content.Span).Trim();
        if (text.Length == 0)
        {
            return ArticleParseResult.Rejected("empty-input", "The input is empty.");
        }

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var article = new Article(
            hash[..16], lines[0], null, null, null, null,
            [new ArticleSection(null, lines.Skip(1).ToArray())], [], "en", hash, sourceName, ArticleFormat.PlainText);
        return new ArticleParseResult(article, []);
    }
}
