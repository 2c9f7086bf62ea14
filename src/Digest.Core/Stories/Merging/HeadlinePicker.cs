namespace Digest.Core.Stories.Merging;

/// <summary>
/// The story's headline: of the source titles, the one closest to the story's centre among those that break the
/// fewest <see cref="HeadlineRules"/> (a neutral title beats a closer but slanted one). Ties keep source order.
/// </summary>
internal static class HeadlinePicker
{
    public static string Pick(IReadOnlyList<Sentence> titles, Meaning meaning) => titles
        .Where(t => !string.IsNullOrWhiteSpace(t.Text))
        .OrderBy(t => HeadlineRules.Faults(t.Text))
        .ThenByDescending(meaning.Centrality)
        .ThenBy(t => t.Source)
        .Select(t => t.Text)
        .FirstOrDefault() ?? titles[0].Text;
}
