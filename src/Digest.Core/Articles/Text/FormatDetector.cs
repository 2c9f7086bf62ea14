namespace Digest.Core.Articles.Text;

/// <summary>
/// Chooses the input format: a specific content type first, then the file extension, then the content itself
/// (a leading '{' is JSON, '---' front matter or a '# ' heading is Markdown, an HTML tag is HTML).
/// </summary>
internal static class FormatDetector
{
    private static readonly string[] HtmlStarts = ["<!doctype html", "<html", "<article", "<head", "<body", "<!--", "<meta", "<main", "<div", "<p>", "<p ", "<h1", "<section"];

    public static ArticleFormat Detect(string? contentType, string sourceName, string text)
    {
        // text/plain and application/octet-stream are what upload tools send for anything they do not know,
        // so only the specific types decide; otherwise the extension, otherwise the content.
        return FromContentType(contentType) ?? FromExtension(sourceName) ?? Sniff(text);
    }

    public static ArticleFormat? FromContentType(string? contentType)
    {
        var mediaType = MediaType(contentType);
        return mediaType switch
        {
            "text/markdown" or "text/x-markdown" => ArticleFormat.Markdown,
            "text/html" or "application/xhtml+xml" => ArticleFormat.Html,
            "application/json" or "text/json" or "application/ld+json" => ArticleFormat.Json,
            _ => null,
        };
    }

    public static ArticleFormat? FromExtension(string sourceName) =>
        Path.GetExtension(sourceName).ToLowerInvariant() switch
        {
            ".txt" or ".text" => ArticleFormat.PlainText,
            ".md" or ".markdown" or ".mdown" => ArticleFormat.Markdown,
            ".html" or ".htm" or ".xhtml" => ArticleFormat.Html,
            ".json" => ArticleFormat.Json,
            _ => null,
        };

    public static ArticleFormat Sniff(string text)
    {
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("{"))
        {
            return ArticleFormat.Json;
        }

        if (start.StartsWith("---") && text.TrimStart().Split('\n', 2)[0].TrimEnd() == "---")
        {
            return ArticleFormat.Markdown;
        }

        foreach (var prefix in HtmlStarts)
        {
            if (start.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return ArticleFormat.Html;
            }
        }

        return start.StartsWith("# ") ? ArticleFormat.Markdown : ArticleFormat.PlainText;
    }

    private static string? MediaType(string? contentType) =>
        contentType?.Split(';', 2)[0].Trim().ToLowerInvariant();
}
