using Digest.Core.Articles.Building;
using Digest.Core.Articles.Formats.Html;
using Digest.Core.Articles.Heuristics;
using Markdig.Syntax;

namespace Digest.Core.Articles.Formats;

/// <summary>
/// Reads Markdig's block tree in document order (explicit stack: deep quote or list nesting is harmless) into the
/// draft: headings, paragraphs, list items, quotes, code as plain text; raw HTML blocks through the HTML walker.
/// </summary>
internal static class MarkdownBlockReader
{
    public static void Read(MarkdownDocument document, ArticleDraft draft, DiagnosticBag diagnostics, ParseBudget budget)
    {
        var previousWasImage = false;
        var titleHeadingSkipped = false;
        var stack = new Stack<Block>();
        PushChildren(stack, document);
        while (stack.TryPop(out var block))
        {
            budget.Step();
            var wasImage = previousWasImage;
            previousWasImage = false;
            switch (block)
            {
                case HeadingBlock heading:
                    var headingText = MarkdownInlineText.Read(heading.Inline, null);
                    if (heading.Level == 1 && draft.Title is null)
                    {
                        draft.Title = headingText;
                        titleHeadingSkipped = true;
                    }
                    else if (heading.Level == 1 && !titleHeadingSkipped && string.Equals(headingText.Trim(), draft.Title?.Trim(), StringComparison.OrdinalIgnoreCase))
                    {
                        titleHeadingSkipped = true;
                    }
                    else
                    {
                        draft.AddHeading(headingText);
                    }

                    break;
                case ParagraphBlock paragraph:
                    previousWasImage = ReadParagraph(paragraph, draft, wasImage);
                    break;
                case HtmlBlock html:
                    HtmlFragment.Read(html.Lines.ToString(), draft, budget);
                    break;
                case CodeBlock code:
                    draft.AddParagraph(code.Lines.ToString());
                    break;
                case ContainerBlock container:
                    PushChildren(stack, container);
                    break;
            }
        }
    }

    /// <returns>True when the paragraph held only images (so an emphasised line after it is their caption).</returns>
    private static bool ReadParagraph(ParagraphBlock paragraph, ArticleDraft draft, bool afterImage)
    {
        var images = new List<string>();
        var text = MarkdownInlineText.Read(paragraph.Inline, images).Trim();
        foreach (var caption in images)
        {
            draft.AddCaption(caption);
        }

        if (text.Length == 0)
        {
            return images.Count > 0;
        }

        if ((afterImage && MarkdownInlineText.IsEmphasisOnly(paragraph.Inline)) || CaptionDetector.IsCaption(text))
        {
            draft.AddCaption(text);
        }
        else
        {
            draft.AddParagraph(text);
        }

        return false;
    }

    private static void PushChildren(Stack<Block> stack, ContainerBlock container)
    {
        for (var i = container.Count - 1; i >= 0; i--)
        {
            stack.Push(container[i]);
        }
    }
}
