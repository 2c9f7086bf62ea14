using Digest.Core.Articles.Building;
using Digest.Core.Articles.Heuristics;

namespace Digest.Core.Articles.Formats;

/// <summary>
/// Reads the body of a plain-text article (also the "body" of a minimal JSON article): captions, section headings,
/// an outlet dateline at the start of one of the first paragraphs; web-page leftovers ("Advertisement") are dropped.
/// </summary>
internal static class PlainTextBody
{
    /// <summary>How many leading paragraphs may carry an outlet dateline.</summary>
    private const int DatelineWindow = 3;

    public static void Read(IReadOnlyList<string> lines, int start, ArticleDraft draft, DiagnosticBag diagnostics, ParseBudget budget)
    {
        var bodySeen = 0;
        for (var i = start; i < lines.Count; i++)
        {
            budget.Step();
            var line = lines[i];
            if (BoilerplateLine.IsBoilerplate(line))
            {
                continue;
            }

            if (CaptionDetector.IsCaption(line))
            {
                draft.AddCaption(line);
                continue;
            }

            if (IsHeading(lines, i))
            {
                draft.AddHeading(line);
                continue;
            }

            if (bodySeen < DatelineWindow && DatelineDetector.TryStrip(line, out var outlet, out var place, out var rest))
            {
                if (draft.Outlet is null && outlet.Length > 0)
                {
                    draft.Outlet = outlet;
                    diagnostics.Info("outlet-from-dateline", $"The outlet \"{outlet}\" was read from the dateline.");
                }

                if (place.Length > 0) draft.Dateline ??= place;
                if (rest.Length == 0) continue; // the dateline stood on a line of its own
                line = rest;
            }

            draft.AddParagraph(line);
            bodySeen++;
        }
    }

    // A heading needs a following paragraph that is not itself heading-like: two short lines in a row are more
    // likely a list, an address or a poem than a heading with an empty section.
    private static bool IsHeading(IReadOnlyList<string> lines, int i) =>
        i + 1 < lines.Count
        && HeadingDetector.LooksLikeHeading(lines[i])
        && !HeadingDetector.LooksLikeHeading(lines[i + 1])
        && !CaptionDetector.IsCaption(lines[i + 1]);
}
