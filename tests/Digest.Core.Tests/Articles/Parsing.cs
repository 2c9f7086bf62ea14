using System.Text;
using System.Text.Json;
using Digest.Core.Articles;
using Digest.Core.Json;

namespace Digest.Core.Tests.Articles;

/// <summary>Shorthands for the parser tests.</summary>
internal static class Parsing
{
    public static ArticleParseResult Parse(string text, string sourceName = "upload.txt", string? contentType = null) =>
        new ArticleParser().Parse(Encoding.UTF8.GetBytes(text), sourceName, contentType);

    public static Article ParseArticle(string text, string sourceName = "upload.txt", string? contentType = null)
    {
        var result = Parse(text, sourceName, contentType);
        Assert.True(result.Succeeded, $"Expected an article, got: {result.RejectionReason}");
        return result.Article!;
    }

    public static string Json(Article article) => JsonSerializer.Serialize(article, DigestJsonContext.Stored.Article);

    public static bool Has(this ArticleParseResult result, string code) => result.Diagnostics.Any(d => d.Code == code);

    public static string ErrorCode(this ArticleParseResult result) =>
        Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error).Code;
}
