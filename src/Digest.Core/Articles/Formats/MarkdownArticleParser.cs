using Digest.Core.Articles.Building;
using Markdig;
using Markdig.Syntax;

namespace Digest.Core.Articles.Formats;

/// <summary>
/// Markdown with optional YAML front matter (title, source/outlet, url, published/date, author/byline, lang).
/// The first "# " heading is the headline when the front matter names none; other headings start sections;
/// images' alt text and titles (and an emphasised line right under an image) become captions.
/// </summary>
internal static class MarkdownArticleParser
{
    /// <summary>Built once: a Markdig pipeline is immutable and thread-safe.</summary>
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseEmphasisExtras().UseParseBudget().Build();

    /// <summary>Without a heading or front-matter title, a first paragraph up to this long is taken as the headline.</summary>
    private const int MaxTitleFromParagraph = 200;

    public static DraftResult Parse(string text, DiagnosticBag diagnostics, ParseBudget budget)
    {
        var draft = new ArticleDraft();
        string? problem = null;
        if (FrontMatter.TrySplit(text, out var yaml, out var body, out var unclosed))
        {
            if (unclosed)
            {
                problem = "the front matter has no closing '---' line";
                diagnostics.Warning("invalid-front-matter", "The front matter has no closing '---' line; it was read as body text.");
            }
            else
            {
                FrontMatter.TryApply(yaml, draft, diagnostics, budget, out problem);
            }
        }

        MarkdownDocument document;
        try
        {
            MarkdownBudget.ChargeInlineMarkers(body, budget);
            document = Markdown.Parse(body, Pipeline, MarkdownBudget.Context(budget));
        }
        catch (ArgumentException e) when (e.Message.Contains("nested", StringComparison.OrdinalIgnoreCase))
        {
            // Markdig's own depth limit ("[[[[..." links or images nested thousands deep).
            return diagnostics.Reject("too-deeply-nested", "The Markdown is too deeply nested: " + e.Message);
        }

        MarkdownBlockReader.Read(document, draft, diagnostics, budget);
        if (draft.Title is not null)
        {
            return draft;
        }

        if (problem is not null)
        {
            return diagnostics.Reject("invalid-front-matter", $"The Markdown input has no headline: {problem}, and the body has no '# Headline' heading.");
        }

        if (draft.TakeFirstParagraph(MaxTitleFromParagraph) is { } first)
        {
            draft.Title = first;
            diagnostics.Info("title-from-first-paragraph", "No front-matter title or '# ' heading: the first paragraph was taken as the headline.");
        }

        return draft;
    }
}
