using System.Text.RegularExpressions;
using Digest.Core.Articles;
using Digest.Core.Stories.Text;

namespace Digest.Core.Stories.Merging;

/// <summary>
/// At most one addition per source: a sentence of at most <see cref="MaxWords"/> words carrying a fact (a name, a
/// number or a quotation) that no other source of the story mentions, on the story's topic (close to its centre),
/// not close in meaning to any sentence of another source, to the summary or to another source's addition, not an
/// opinion and standing alone. A source with no such sentence gets none: no addition beats a weak one.
/// </summary>
internal static partial class AdditionPicker
{
    public const int MaxWords = 30;

    /// <summary>Lexical cap against the other sources' full text: a sentence this alike to one of theirs is reported there.</summary>
    private const float ReportedElsewhereCosine = 0.3f;

    /// <param name="texts">Each source's title and body, for the full names of second references.</param>
    /// <param name="story">Every source's text together (<see cref="Introductions.Resolve"/>).</param>
    public static IReadOnlyList<string?> Pick(IReadOnlyList<Article> articles, IReadOnlyList<IReadOnlyList<Sentence>> sources, IReadOnlyList<Sentence> summary, Meaning meaning, IReadOnlyList<string> texts, string story)
    {
        var result = new string?[articles.Count];
        if (articles.Count < 2) return result;
        var fullText = articles.Select(a => a.Paragraphs.SelectMany(SentenceSplitter.Split).Select(TextBag.Of).Append(TextBag.Of(a.Title)).ToList()).ToList();
        var chosen = new List<Sentence>();
        var summaryTexts = summary.Select(s => s.Text).ToArray();
        for (var i = 0; i < articles.Count; i++)
        {
            var othersWords = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < articles.Count; j++)
            {
                if (j != i) foreach (var bag in fullText[j]) othersWords.UnionWith(bag.Words);
            }

            var best = sources[i]
                .Where(s => s.Words is >= 6 and <= MaxWords && SummaryWriter.IsStatement(s.Text) && !IsOpinion(s.Text))
                .Where(s => !ContextRules.NeedsContext(s.Text, summaryTexts) && !LeansOnContext(s.Text))
                .Select(s => SummaryWriter.Introduced(s, [], texts[i], story))
                .OfType<Sentence>()
                .Where(s => s.Words <= MaxWords && !SummaryWriter.Repeats(s, summary.Concat(chosen), meaning))
                .Where(s => !summary.Any(x => x.Text == s.Text || meaning.Similarity(x, s) >= meaning.SameFact))
                .Select(s => (Sentence: s, Novel: Novel(s.Bag, othersWords), Topic: meaning.Centrality(s)))
                .Where(c => c.Novel > 0 && c.Topic >= meaning.OnTopic)
                .Where(c => !ReportedElsewhere(c.Sentence, i, sources, fullText, chosen, meaning))
                .OrderByDescending(c => c.Topic + (0.05f * Math.Min(c.Novel, 3)))
                .ThenBy(c => c.Sentence.Position)
                .Select(c => c.Sentence)
                .FirstOrDefault();
            if (best is null) continue;
            chosen.Add(best);
            result[i] = Quotes.Normalize(best.Text);
        }

        return result;
    }

    /// <summary>
    /// An addition stands alone under its source: no "these"/"those" (the changes, the people of an earlier sentence),
    /// no "also" (something else happened first), no "would not detail" (what the reader never learns).
    /// </summary>
    public static bool LeansOnContext(string sentence)
    {
        var outside = Text.QuotationMarks.Outside(sentence) ?? sentence;
        return LeaningWords().IsMatch(outside);
    }

    [GeneratedRegex(@"\b(?:these|those|also|too|either|likewise|the same|such|would not (?:detail|say|elaborate|comment)|declined to (?:detail|say|elaborate|comment)|did not (?:detail|say|elaborate))\b|\bthat\s+(?!is\b|was\b|the\b|a\b|an\b|it\b|he\b|she\b|they\b|we\b|there\b|his\b|her\b|their\b)\p{Ll}+\s+(?:angst|plan|idea|decision|move|issue|change|changes|deal|bill|proposal|effort|statement|meeting|report|claim|view)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeaningWords();

    /// <summary>Names and numbers no other source mentions, plus one for a quotation in words they do not use.</summary>
    private static int Novel(TextBag sentence, HashSet<string> othersWords) =>
        sentence.Facts.Distinct().Count(f => !othersWords.Contains(f)) + (HasNewQuote(sentence.Text, othersWords) ? 1 : 0);

    private static bool ReportedElsewhere(Sentence s, int source, IReadOnlyList<IReadOnlyList<Sentence>> sources, List<List<TextBag>> fullText, List<Sentence> chosen, Meaning meaning)
    {
        for (var j = 0; j < sources.Count; j++)
        {
            if (j == source) continue;
            if (sources[j].Any(t => meaning.Similarity(s, t) >= meaning.MayBeReported)) return true;
            if (fullText[j].Any(t => s.Bag.Cosine(t.Stems) >= ReportedElsewhereCosine)) return true;
        }

        return chosen.Any(c => meaning.Similarity(c, s) >= meaning.MayBeReported);
    }

    /// <summary>Opinion or address rather than report: first person or "should"/"must" outside quotation marks, or a question.</summary>
    public static bool IsOpinion(string sentence)
    {
        var outside = QuotedPart().Replace(sentence, " ");
        return outside.Contains('?') || OpinionWords().IsMatch(outside);
    }

    /// <summary>True when the sentence quotes someone with words (at least two content words) no other source has.</summary>
    private static bool HasNewQuote(string text, HashSet<string> othersWords)
    {
        var open = text.IndexOfAny(['"', '\u201C']);
        if (open < 0) return false;
        var close = text.IndexOfAny(['"', '\u201D'], open + 1);
        if (close < 0) return false;
        var quote = Tokenizer.Tokenize(text[(open + 1)..close]);
        return quote.Count >= 4 && quote.Count(t => !Stopwords.Contains(t.Lower) && !othersWords.Contains(t.Lower)) >= 2;
    }

    [GeneratedRegex("[\"\u201C][^\"\u201C\u201D]*[\"\u201D]")]
    private static partial Regex QuotedPart();

    [GeneratedRegex(@"\b(I|I'm|I've|me|my|we|we're|our|you|your|should|shouldn't|must|ought|arguably|clearly|obviously|of course|frankly|sadly|unfortunately|fortunately|thankfully|disgraceful|outrageous|shameful|absurd|ridiculous)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OpinionWords();
}
