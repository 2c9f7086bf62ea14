using AngleSharp.Html.Parser;
using Digest.Core.Articles.Building;

namespace Digest.Core.Articles.Formats.Html;

/// <summary>Raw HTML embedded in another format (a Markdown HTML block): its text, captions and headings, nothing else.</summary>
internal static class HtmlFragment
{
    public static void Read(string html, ArticleDraft draft, DiagnosticBag diagnostics)
    {
        if (HtmlNestingGuard.EstimateDepth(html) > HtmlNestingGuard.MaxDepth)
        {
            diagnostics.Warning("too-deeply-nested", $"An HTML block nests more than {HtmlNestingGuard.MaxDepth} levels deep; it was dropped.");
            return;
        }

        using var document = new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(html);
        if (document.Body is { } body)
        {
            HtmlContentWalker.Walk(body, draft);
        }
    }
}
