namespace Digest.Core.Articles.Text;

/// <summary>
/// Chooses the input format: a specific content type first, then the file extension, then the content itself
/// (a leading '{' is JSON, '---' front matter or a '# ' heading is Markdown, an HTML tag is HTML).
/// </summary>
internal static class FormatDetector
{
    public static ArticleFormat Detect(string? contentType, string sourceName, string text)
    {
        // text/plain and application/octet-stream are what upload tools send for anything they do not know,
        // so only the specific types decide; otherwise the extension, otherwise the content.
        return FromContentType(contentType) ?? FromExtension(sourceName) ?? Sniff(text);
    }

    public static ArticleFormat? FromContentType(string? contentType) => ArticleFormats.ByContentType(contentType)?.Format;

    public static ArticleFormat? FromExtension(string sourceName) => ArticleFormats.ByExtension(sourceName)?.Format;

    public static ArticleFormat Sniff(string text) => ArticleFormats.Sniff(text).Format;
}
