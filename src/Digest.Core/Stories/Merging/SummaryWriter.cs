namespace Digest.Core.Stories.Merging;

/// <summary>
/// Writes a story's summary: at most <see cref="MaxSentences"/> sentences and <see cref="MaxWords"/> words. Several
/// sources: lead sentences ranked by corroboration (how many other sources state the same fact, in a sentence or
/// their title), then closeness to the story's centre, then position; the first must stand alone and states the
/// event most sources agree on; each further one is corroborated, not a near-duplicate of one already chosen, and
/// needs no context the summary lacks (<see cref="ContextRules"/>). One source: its lead, in order, to the same limits.
/// </summary>
internal static class SummaryWriter
{
    public const int MaxWords = 60;
    public const int MaxSentences = 3;

    /// <summary>Sentences of each source that may enter a summary: the lead.</summary>
    private const int LeadSentences = 6;

    /// <summary>A candidate longer than this would leave no room for a second fact.</summary>
    private const int MaxSentenceWords = 40;

    /// <summary>Word-set Jaccard at which two sentences repeat each other whatever their meaning scores say.</summary>
    public const float DuplicateJaccard = 0.5f;

    /// <param name="texts">Each source's title and body, where second references find the full name (<see cref="Introductions"/>).</param>
    /// <param name="story">Every source's text together, where a lone speaker another source introduces is found.</param>
    public static IReadOnlyList<Sentence> Write(IReadOnlyList<IReadOnlyList<Sentence>> sources, IReadOnlyList<Sentence> titles, Meaning meaning, IReadOnlyList<string> texts, string story) =>
        sources.Count == 1 ? Lead(sources[0], texts[0]) : Corroborated(sources, titles, meaning, texts, story);

    /// <summary>True when <paramref name="sentence"/> repeats one of <paramref name="chosen"/> (meaning, stems or words).</summary>
    public static bool Repeats(Sentence sentence, IEnumerable<Sentence> chosen, Meaning meaning) =>
        chosen.Any(c => meaning.Similarity(c, sentence) >= meaning.Duplicate || c.Bag.Cosine(sentence.Bag.Stems) >= 0.5f || c.Bag.WordJaccard(sentence.Bag) >= DuplicateJaccard);

    /// <summary>The sentence with its people introduced (full names written in), or null when that cannot be done.</summary>
    public static Sentence? Introduced(Sentence sentence, IEnumerable<Sentence> before, string text, string story = "")
    {
        var resolved = Introductions.Resolve(sentence.Text, before.Select(b => b.Text), text, story);
        return resolved is null ? null : resolved == sentence.Text ? sentence : sentence with { Bag = TextBag.Of(resolved) };
    }

    private static List<Sentence> Corroborated(IReadOnlyList<IReadOnlyList<Sentence>> sources, IReadOnlyList<Sentence> titles, Meaning meaning, IReadOnlyList<string> texts, string story)
    {
        var scored = sources
            .SelectMany(s => s.Take(LeadSentences))
            .Where(s => IsStatement(s.Text) && s.Words is >= 6 and <= MaxSentenceWords && Quotes.Pairable(s.Text) && Attribution.Attributed(s.Text))
            .Select(s => (Sentence: s, Support: Support(s, sources, titles, meaning), Centrality: meaning.Centrality(s)))
            .ToList();

        // The first sentence states the event: the most corroborated lead sentence that stands alone and is not a
        // quotation, weighing agreement, centrality and how early its source says it alike.
        var others = Math.Max(1, sources.Count - 1);
        var first = scored
            .Where(c => !ContextRules.NeedsContext(c.Sentence.Text) && !StartsWithQuote(c.Sentence.Text))
            .OrderByDescending(c => ((float)c.Support / others) + c.Centrality + (0.15f / (1 + c.Sentence.Position)))
            .ThenBy(c => c.Sentence.Source).ThenBy(c => c.Sentence.Position)
            .Select(c => (c.Sentence, c.Support, Score: float.MaxValue))
            .Take(1);
        var ranked = first.Concat(scored
                .Select(c => (c.Sentence, c.Support, Score: c.Centrality + (0.05f / (1 + c.Sentence.Position))))
                .OrderByDescending(c => c.Support).ThenByDescending(c => c.Score).ThenBy(c => c.Sentence.Source).ThenBy(c => c.Sentence.Position))
            .ToList();

        var chosen = new List<Sentence>();
        var words = 0;
        foreach (var (candidate, support, _) in ranked)
        {
            // The first sentence may be uncorroborated only when no sentence is (sources that share no statement).
            if (support == 0 && chosen.Count > 0) break;
            if (chosen.Any(c => c.Source == candidate.Source && c.Position == candidate.Position)) continue;
            if (ContextRules.NeedsContext(candidate.Text, chosen.Select(c => c.Text).ToArray())) continue;
            if (Introduced(candidate, chosen, texts[candidate.Source], story) is not { } sentence) continue;
            if (chosen.Count >= MaxSentences || words + sentence.Words > MaxWords) continue;
            if (Repeats(sentence, chosen, meaning)) continue;
            chosen.Add(sentence);
            words += sentence.Words;
        }

        return chosen.Count > 0 ? chosen : Lead(sources[0], texts[0]);
    }

    /// <summary>How many other sources state the fact of <paramref name="sentence"/> (in a lead sentence or their title).</summary>
    public static int Support(Sentence sentence, IReadOnlyList<IReadOnlyList<Sentence>> sources, IReadOnlyList<Sentence> titles, Meaning meaning)
    {
        var support = 0;
        for (var j = 0; j < sources.Count; j++)
        {
            if (j == sentence.Source) continue;
            if (meaning.Similarity(sentence, titles[j]) >= meaning.SameFact || sources[j].Any(t => meaning.Similarity(sentence, t) >= meaning.SameFact)) support++;
        }

        return support;
    }

    /// <summary>One source: its opening sentences in order while they stand alone, trimmed to the limits.</summary>
    private static List<Sentence> Lead(IReadOnlyList<Sentence> sentences, string text)
    {
        var chosen = new List<Sentence>();
        var words = 0;
        foreach (var candidate in sentences)
        {
            if (Introduced(candidate, chosen, text) is not { } sentence)
            {
                if (chosen.Count == 0) continue;
                break;
            }

            if (chosen.Count >= MaxSentences) break;
            if (chosen.Count == 0 && (!IsStatement(sentence.Text) || ContextRules.NeedsContext(sentence.Text))) continue;
            if (chosen.Count > 0 && (words + sentence.Words > MaxWords || !IsStatement(sentence.Text) || ContextRules.NeedsContext(sentence.Text, chosen.Select(c => c.Text).ToArray()))) break;
            chosen.Add(sentence);
            words += sentence.Words;
        }

        if (chosen.Count == 1 && words > MaxWords)
        {
            var cut = string.Join(' ', chosen[0].Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MaxWords)).TrimEnd(',', ';', ':', '.');
            chosen[0] = chosen[0] with { Bag = TextBag.Of(cut + "\u2026") };
        }

        return chosen;
    }

    private static bool StartsWithQuote(string text) => text.TrimStart().StartsWith('"') || text.TrimStart().StartsWith('\u201C');

    /// <summary>A full declarative sentence: ends with '.' or '!' (maybe inside quotes), not an ellipsis, so headings, questions and trailing fragments are out.</summary>
    public static bool IsStatement(string text)
    {
        var end = text.TrimEnd('"', '\'', '\u201D', '\u2019', ')');
        return (end.EndsWith('.') || end.EndsWith('!')) && !end.EndsWith("..", StringComparison.Ordinal) && !end.EndsWith(". .", StringComparison.Ordinal);
    }
}
