using Digest.Core.Articles.Building;

namespace Digest.Core.Articles.Formats.Html;

/// <summary>Raw HTML embedded in another format (a Markdown HTML block): its text, captions and headings, nothing else.</summary>
internal static class HtmlFragment
{
    /// <summary>Within the budget of the whole input: a deep or slow block rejects the input it is in.</summary>
    public static void Read(string html, ArticleDraft draft, ParseBudget budget)
    {
        using var document = BoundedHtmlParser.Parse(html, budget);
        if (document.Body is { } body)
        {
            HtmlContentWalker.Walk(body, draft, budget);
        }
    }
}
