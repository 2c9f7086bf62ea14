namespace Digest.Core.Articles;

/// <summary>The input formats an editor may upload.</summary>
public enum ArticleFormat
{
    PlainText,
    Markdown,
    Html,
    Json,
}
