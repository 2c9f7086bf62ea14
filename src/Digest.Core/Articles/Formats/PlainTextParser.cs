using Digest.Core.Articles.Building;
using Digest.Core.Articles.Heuristics;

namespace Digest.Core.Articles.Formats;

/// <summary>
/// Plain text: optional header lines ("Source:", "Published:", "By ..."), the headline (the first other line), then
/// the body. When the first line is an image caption with a credit ("... Image: Ommcom News."), the caption is kept
/// with its credit and the headline is the caption sentence without the credit.
/// </summary>
internal static class PlainTextParser
{
    /// <summary>Header lines are only looked for among the first lines, before the body starts.</summary>
    private const int MaxHeaderLines = 8;

    public static ArticleDraft Parse(string text, DiagnosticBag diagnostics, ParseBudget budget)
    {
        var lines = PlainTextBlocks.Split(text, budget);
        var draft = new ArticleDraft();
        var titleSeen = false;
        var i = 0;
        for (; i < lines.Count && i < MaxHeaderLines; i++)
        {
            var line = lines[i];
            if (MetadataLine.TryParse(line, out var field, out var value))
            {
                titleSeen |= field == MetadataField.Title;
                Apply(draft, field, value, diagnostics);
                continue;
            }

            if (titleSeen)
            {
                break;
            }

            titleSeen = ReadTitle(line, draft, diagnostics);
        }

        PlainTextBody.Read(lines, i, draft, diagnostics, budget);
        return draft;
    }

    /// <returns>False when the line was only a caption (e.g. "Photo: Reuters") and the headline is still to come.</returns>
    private static bool ReadTitle(string line, ArticleDraft draft, DiagnosticBag diagnostics)
    {
        if (!CaptionDetector.TrySplit(line, out var description, out _))
        {
            draft.Title = line;
            return true;
        }

        draft.AddCaption(line);
        if (description.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 3)
        {
            return false;
        }

        draft.Title = description;
        diagnostics.Info("title-from-caption", "The first line is an image caption; the headline was taken from the caption without its credit.");
        return true;
    }

    internal static void Apply(ArticleDraft draft, MetadataField field, string value, DiagnosticBag diagnostics)
    {
        switch (field)
        {
            case MetadataField.Title:
                draft.Title = value;
                break;
            case MetadataField.Outlet:
                draft.Outlet ??= value;
                break;
            case MetadataField.Byline:
                draft.Byline ??= value;
                break;
            case MetadataField.Url:
                draft.Url ??= value;
                break;
            case MetadataField.Published:
                draft.Published ??= DateParser.Parse(value, diagnostics);
                break;
            case MetadataField.Language:
                draft.Language ??= value;
                break;
        }
    }
}
