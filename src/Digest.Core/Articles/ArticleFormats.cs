using Digest.Core.Articles.Building;
using Digest.Core.Articles.Formats;
using Digest.Core.Articles.Formats.Html;

namespace Digest.Core.Articles;

/// <summary>
/// One input format, everything about it in one place: its extensions, the content types that decide it (text/plain
/// and application/octet-stream never do), the type an upload of it is given, how its content is recognised when
/// neither type nor extension says, and its parser.
/// </summary>
internal sealed record ArticleFormatInfo(
    ArticleFormat Format,
    string Name,
    IReadOnlyList<string> Extensions,
    IReadOnlyList<string> ContentTypes,
    string UploadContentType,
    Func<string, bool> Looks,
    Func<string, DiagnosticBag, ParseBudget, DraftResult> Parse);

/// <summary>The input formats: each registers here once; detection, parsing and the CLI's upload types all read this list.</summary>
internal static class ArticleFormats
{
    private static readonly string[] HtmlStarts = ["<!doctype html", "<html", "<article", "<head", "<body", "<!--", "<meta", "<main", "<div", "<p>", "<p ", "<h1", "<section"];

    /// <summary>In sniffing order; plain text last (it looks like anything).</summary>
    public static readonly IReadOnlyList<ArticleFormatInfo> All =
    [
        new(ArticleFormat.Json, "JSON", [".json"], ["application/json", "text/json", "application/ld+json"], "application/json",
            text => text.AsSpan().TrimStart().StartsWith("{"),
            JsonArticleParser.Parse),
        new(ArticleFormat.Markdown, "Markdown", [".md", ".markdown", ".mdown"], ["text/markdown", "text/x-markdown"], "text/markdown; charset=utf-8",
            // '---' front matter or a '# ' heading (neither can start an HTML tag, so the order against HTML does not matter).
            text => (text.AsSpan().TrimStart().StartsWith("---") && text.TrimStart().Split('\n', 2)[0].TrimEnd() == "---") || text.AsSpan().TrimStart().StartsWith("# "),
            MarkdownArticleParser.Parse),
        new(ArticleFormat.Html, "HTML", [".html", ".htm", ".xhtml"], ["text/html", "application/xhtml+xml"], "text/html",
            text =>
            {
                var start = text.AsSpan().TrimStart();
                foreach (var prefix in HtmlStarts)
                {
                    if (start.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            },
            HtmlArticleParser.Parse),
        new(ArticleFormat.PlainText, "plain-text", [".txt", ".text"], [], "text/plain",
            _ => true,
            (text, diagnostics, budget) => PlainTextParser.Parse(text, diagnostics, budget)),
    ];

    public static ArticleFormatInfo Of(ArticleFormat format) => All.First(f => f.Format == format);

    public static ArticleFormatInfo? ByExtension(string name)
    {
        var extension = Path.GetExtension(name);
        return All.FirstOrDefault(f => f.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));
    }

    public static ArticleFormatInfo? ByContentType(string? contentType)
    {
        var mediaType = contentType?.Split(';', 2)[0].Trim();
        return mediaType is null ? null : All.FirstOrDefault(f => f.ContentTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase));
    }

    public static ArticleFormatInfo Sniff(string text) => All.First(f => f.Looks(text));
}
