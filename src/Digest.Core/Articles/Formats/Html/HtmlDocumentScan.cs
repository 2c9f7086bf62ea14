using AngleSharp.Dom;
using Digest.Core.Articles.Building;

namespace Digest.Core.Articles.Formats.Html;

/// <summary>
/// One pass over the whole document (with an explicit stack: deeply nested input cannot overflow the call stack)
/// that collects the metadata elements and scores where the article text lives: each paragraph's text counts
/// fully for its parent and half for its grandparent, and for the &lt;article&gt; it sits in (a simple
/// readability heuristic). Page furniture (<see cref="HtmlRules.IsDropped"/>) scores nothing.
/// </summary>
internal sealed class HtmlDocumentScan
{
    private readonly Dictionary<IElement, long> _scores = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IElement, long> _articleScores = new(ReferenceEqualityComparer.Instance);

    private HtmlDocumentScan()
    {
    }

    /// <summary>meta property/name (lower case) to content; the first occurrence wins.</summary>
    public Dictionary<string, string> Meta { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> JsonLd { get; } = [];

    public string? Canonical { get; private set; }

    public IElement? FirstH1 { get; private set; }

    public IElement? TitleElement { get; private set; }

    public string? FirstTimeDateTime { get; private set; }

    public IElement? BylineElement { get; private set; }

    public IElement? ArticleBody { get; private set; }

    public static HtmlDocumentScan Run(IDocument document, ParseBudget budget)
    {
        var scan = new HtmlDocumentScan();
        var stack = new Stack<(INode Node, bool Dropped, IElement? Paragraph, IElement? Article)>();
        stack.Push((document, false, null, null));
        while (stack.TryPop(out var entry))
        {
            budget.Step();
            var (node, dropped, paragraph, article) = entry;
            if (node is IText text)
            {
                if (!dropped && paragraph is not null)
                {
                    scan.Score(paragraph, article, text.Data.Trim().Length);
                }

                continue;
            }

            if (node is IElement element)
            {
                scan.Collect(element);
                dropped |= HtmlRules.IsDropped(element);
                paragraph = element.LocalName == "p" ? element : paragraph;
                article = element.LocalName == "article" ? element : article;
            }

            for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push((node.ChildNodes[i], dropped, paragraph, article));
            }
        }

        return scan;
    }

    /// <summary>The element that holds the article text: articleBody markup, else the best &lt;article&gt;, else the best-scoring container.</summary>
    public IElement? FindContentRoot()
    {
        if (ArticleBody is not null)
        {
            return ArticleBody;
        }

        if (_articleScores.Count > 0)
        {
            return _articleScores.MaxBy(p => p.Value).Key;
        }

        return _scores.Count > 0 ? _scores.MaxBy(p => p.Value).Key : null;
    }

    private void Score(IElement paragraph, IElement? article, int length)
    {
        if (paragraph.ParentElement is { } parent)
        {
            _scores[parent] = _scores.GetValueOrDefault(parent) + (length * 2);
            if (parent.ParentElement is { } grandparent)
            {
                _scores[grandparent] = _scores.GetValueOrDefault(grandparent) + length;
            }
        }

        if (article is not null)
        {
            _articleScores[article] = _articleScores.GetValueOrDefault(article) + length;
        }
    }

    private void Collect(IElement element)
    {
        switch (element.LocalName)
        {
            case "meta":
                var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop") ?? element.GetAttribute("http-equiv");
                if (key is not null && element.GetAttribute("content") is { } content)
                {
                    Meta.TryAdd(key.Trim(), content);
                }

                break;
            case "link" when HasToken(element.GetAttribute("rel"), "canonical"):
                Canonical ??= element.GetAttribute("href");
                break;
            case "script" when string.Equals(element.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase):
                JsonLd.Add(element.TextContent);
                break;
            case "h1":
                FirstH1 ??= element;
                break;
            case "title":
                TitleElement ??= element;
                break;
            case "time" when element.GetAttribute("datetime") is { Length: > 0 } datetime:
                FirstTimeDateTime ??= datetime;
                break;
        }

        if (BylineElement is null && (HasToken(element.GetAttribute("rel"), "author") || HasToken(element.GetAttribute("class"), "byline") || element.GetAttribute("itemprop") == "author"))
        {
            BylineElement = element;
        }

        if (ArticleBody is null && element.GetAttribute("itemprop") == "articleBody")
        {
            ArticleBody = element;
        }
    }

    private static bool HasToken(string? value, string token) =>
        value is not null && value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(token, StringComparer.OrdinalIgnoreCase);
}
