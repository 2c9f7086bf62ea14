using System.Text;
using AngleSharp.Dom;
using Digest.Core.Articles.Building;
using Digest.Core.Articles.Text;

namespace Digest.Core.Articles.Formats.Html;

/// <summary>
/// Turns the content element into paragraphs, section headings (h2-h6, and h1s other than the headline) and
/// captions (figcaption). Only text nodes are ever read, so no markup, attribute or URL can reach the article.
/// Block elements end paragraphs; two &lt;br&gt;s in a row do too. Explicit stack: nesting depth is harmless.
/// </summary>
internal sealed class HtmlContentWalker
{
    private readonly ArticleDraft _draft;
    private readonly StringBuilder _buffer = new();
    private IElement? _capture;
    private bool _titleHeadingSkipped;
    private int _breaks;

    private HtmlContentWalker(ArticleDraft draft) => _draft = draft;

    public static void Walk(INode root, ArticleDraft draft, ParseBudget budget)
    {
        var walker = new HtmlContentWalker(draft);
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.TryPop(out var entry))
        {
            budget.Step();
            if (entry.Exit)
            {
                walker.Exit((IElement)entry.Node);
                continue;
            }

            if (entry.Node is IText text)
            {
                walker.Append(text.Data);
                continue;
            }

            if (entry.Node is IElement element && !walker.Enter(element, isRoot: entry.Node == root))
            {
                continue;
            }

            stack.Push((entry.Node, true));
            for (var i = entry.Node.ChildNodes.Length - 1; i >= 0; i--)
            {
                var child = entry.Node.ChildNodes[i];
                if (child is IElement or IText)
                {
                    stack.Push((child, false));
                }
            }
        }

        walker.Flush();
    }

    /// <returns>False when the element and everything in it is skipped.</returns>
    private bool Enter(IElement element, bool isRoot)
    {
        var name = element.LocalName;
        if (!isRoot && HtmlRules.IsDropped(element))
        {
            return false;
        }

        if (name == "br")
        {
            if (++_breaks >= 2 && _capture is null)
            {
                Flush();
            }
            else
            {
                _buffer.Append(' ');
            }

            return false;
        }

        if (_capture is not null)
        {
            if (HtmlRules.IsBlock(name))
            {
                _buffer.Append(' ');
            }

            return true;
        }

        if (HtmlRules.IsHeading(name) || name == "figcaption")
        {
            Flush();
            _capture = element;
        }
        else if (HtmlRules.IsBlock(name))
        {
            Flush();
        }

        return true;
    }

    private void Exit(IElement element)
    {
        if (element == _capture)
        {
            var text = TextNormalizer.CleanInline(_buffer.ToString());
            _buffer.Clear();
            _capture = null;
            if (element.LocalName == "figcaption")
            {
                _draft.AddCaption(text);
            }
            else if (element.LocalName == "h1" && !_titleHeadingSkipped && string.Equals(text, _draft.Title, StringComparison.OrdinalIgnoreCase))
            {
                _titleHeadingSkipped = true;
            }
            else
            {
                _draft.AddHeading(text);
            }
        }
        else if (_capture is null && HtmlRules.IsBlock(element.LocalName))
        {
            Flush();
        }
    }

    private void Append(string text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            _breaks = 0;
        }

        _buffer.Append(text);
    }

    private void Flush()
    {
        _breaks = 0;
        if (_buffer.Length > 0)
        {
            _draft.AddParagraph(_buffer.ToString());
            _buffer.Clear();
        }
    }
}
