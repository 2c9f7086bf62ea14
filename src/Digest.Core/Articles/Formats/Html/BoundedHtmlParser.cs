using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Digest.Core.Articles.Building;

namespace Digest.Core.Articles.Formats.Html;

/// <summary>
/// AngleSharp with the <see cref="ParseBudget"/> inside its tree construction. The HTML5 tree builder checks element
/// scope by walking the stack of open elements, so parse time grows with depth times tags (50,000 nested divs took
/// 10-13 s). Every element AngleSharp creates is a step; when it is created, the element created before it has been
/// inserted, and its depth in the tree (walked up to one past the limit) is checked. So whatever the markup hides
/// its tags behind (a '&lt;' in an attribute, "&lt;!--&gt;", a Markdown HTML block), the open depth never passes
/// <see cref="MaxDepth"/> for more than one element. Scripting stays off: noscript content is parsed as markup (and
/// then dropped), never run or kept as text.
/// </summary>
internal static class BoundedHtmlParser
{
    /// <summary>Browsers cap the depth too (Blink at 512); real articles stay far below.</summary>
    public const int MaxDepth = 256;

    public static IHtmlDocument Parse(string html, ParseBudget budget)
    {
        IElement? previous = null;
        var options = new HtmlParserOptions
        {
            IsScripting = false,
            // Keep the real nesting in the tree (AngleSharp would otherwise lift deep elements up as siblings), so
            // the depth checked below is the depth the builder is working at.
            MaximumDepth = int.MaxValue,
            OnCreated = (element, _) =>
            {
                // The tree builder's scope checks walk the open elements: an element costs its depth.
                var depth = previous is null ? 1 : DepthOf(previous);
                budget.Step(depth);
                ParseBudget.CheckDepth(depth, MaxDepth, "HTML");

                previous = element;
            },
        };
        var document = new HtmlParser(options).ParseDocument(html);
        budget.CheckTime();
        return document;
    }

    /// <summary>The element's depth, counting at most one past <see cref="MaxDepth"/>.</summary>
    private static int DepthOf(IElement element)
    {
        var depth = 0;
        for (var node = element; node is not null && depth <= MaxDepth; node = node.ParentElement)
        {
            depth++;
        }

        return depth;
    }
}
