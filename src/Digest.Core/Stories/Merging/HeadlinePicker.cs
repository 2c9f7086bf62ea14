namespace Digest.Core.Stories.Merging;

/// <summary>
/// The story's headline: of the source titles that report what the summary's first sentence says (they share a word
/// that is not a stopword: a name or the event), the one closest to the story's centre among those that break the
/// fewest <see cref="HeadlineRules"/> (a neutral title beats a closer but slanted one). When no title shares a word
/// with the lead, all titles compete. Ties keep source order.
/// </summary>
internal static class HeadlinePicker
{
    public static string Pick(IReadOnlyList<Sentence> titles, Meaning meaning, Sentence? lead = null)
    {
        var candidates = titles.Where(t => !string.IsNullOrWhiteSpace(t.Text)).ToList();
        var agreeing = lead is null ? [] : candidates.Where(t => Agrees(t, lead)).ToList();
        return (agreeing.Count > 0 ? agreeing : candidates)
            .OrderBy(t => HeadlineRules.Faults(t.Text))
            .ThenByDescending(meaning.Centrality)
            .ThenBy(t => t.Source)
            .Select(t => t.Text)
            .FirstOrDefault() ?? titles[0].Text;
    }

    /// <summary>A headline and a lead agree when they share a content stem.</summary>
    public static bool Agrees(Sentence title, Sentence lead) => title.Bag.Stems.Keys.Any(lead.Bag.Stems.ContainsKey);
}
