using Digest.Core.Articles;
using Digest.Core.Stories.Text;

namespace Digest.Core.Stories.Merging;

/// <summary>
/// Merges the articles of one story. Headline: the title most similar to the centroid of all the articles.
/// Summary: lead sentences of every source ranked by similarity to the centroid (earlier sentences slightly
/// preferred), taken greedily while no chosen sentence is a near-duplicate (stem cosine or Jaccard too high) of one
/// already taken. Additions: per source, up to two sentences carrying names, numbers or quotes that no other source
/// mentions. Pure and deterministic.
/// </summary>
internal static class StoryMerger
{
    /// <summary>Sentences of each article considered for the summary (the lead carries the event).</summary>
    private const int LeadSentences = 6;

    /// <summary>Two summary sentences at least this alike (stem cosine) state the same fact.</summary>
    private const float DuplicateCosine = 0.3f;

    /// <summary>... or sharing this share of their stems.</summary>
    private const float DuplicateJaccard = 0.25f;

    /// <summary>Headlines longer than this (captions, leads parsed as titles) lose ground to crisper ones.</summary>
    private const int HeadlineCharacters = 110;

    private const int MaxSummarySentences = 4;

    /// <summary>Stop adding summary sentences past this length once two are chosen.</summary>
    private const int SummaryCharacters = 600;

    public static MergedContent Merge(IReadOnlyList<Article> articles)
    {
        var sentences = articles.Select(a => a.Paragraphs.SelectMany(SentenceSplitter.Split).Select(TextBag.Of).ToList()).ToList();
        var documents = articles.Select((a, i) => TextBag.Of(a.Title + "\n" + string.Join("\n", sentences[i].Take(LeadSentences * 2).Select(s => s.Text)))).ToList();
        var centroid = TextBag.Centroid(documents);

        var headline = articles
            .Select((a, i) => (Title: a.Title, Score: TextBag.Of(a.Title).Cosine(centroid) - (0.005f * Math.Max(0, a.Title.Length - HeadlineCharacters)), Index: i))
            .Where(t => !string.IsNullOrWhiteSpace(t.Title))
            .OrderByDescending(t => t.Score).ThenBy(t => t.Index)
            .Select(t => t.Title.Trim())
            .FirstOrDefault() ?? articles[0].Title;

        var summary = Summarise(sentences, centroid, articles.Count);
        var additions = articles.Count < 2
            ? articles.Select(_ => (IReadOnlyList<string>)[]).ToList()
            : sentences.Select((own, i) => Additions(own, documents, sentences, i, summary)).ToList();
        return new MergedContent(headline, summary.Select(s => s.Text).ToArray(), additions);
    }

    private static List<TextBag> Summarise(List<List<TextBag>> sentences, Dictionary<string, float> centroid, int sources)
    {
        var candidates = new List<(TextBag Sentence, float Score)>();
        foreach (var article in sentences)
        {
            var position = 0;
            foreach (var sentence in article.Take(LeadSentences))
            {
                var words = sentence.Words.Count;
                if (words is >= 6 and <= 60 && IsStatement(sentence.Text))
                {
                    candidates.Add((sentence, sentence.Cosine(centroid) + (0.15f / (1 + position))));
                }

                position++;
            }
        }

        var ranked = candidates.OrderByDescending(c => c.Score).Select(c => c.Sentence).ToList();
        var chosen = new List<TextBag>();
        var max = sources == 1 ? 3 : MaxSummarySentences;
        foreach (var sentence in ranked)
        {
            if (chosen.Count >= max || (chosen.Count >= 2 && chosen.Sum(c => c.Text.Length) >= SummaryCharacters)) break;
            if (chosen.Any(c => IsDuplicate(c, sentence))) continue;
            chosen.Add(sentence);
        }

        // Too strict for a short story: top up to two with the best sentences that are not near-copies.
        foreach (var sentence in ranked)
        {
            if (chosen.Count >= 2) break;
            if (!chosen.Any(c => c.Cosine(sentence.Stems) >= 0.6f)) chosen.Add(sentence);
        }

        return chosen;
    }

    /// <summary>A full declarative sentence: ends with '.' or '!' (maybe inside quotes), so headings and questions are out.</summary>
    private static bool IsStatement(string text)
    {
        var end = text.TrimEnd('"', '\'', '\u201D', '\u2019', ')');
        return end.EndsWith('.') || end.EndsWith('!');
    }

    private static bool IsDuplicate(TextBag a, TextBag b) => a.Cosine(b.Stems) >= DuplicateCosine || a.Jaccard(b) >= DuplicateJaccard;

    private static IReadOnlyList<string> Additions(List<TextBag> own, List<TextBag> documents, List<List<TextBag>> sentences, int index, List<TextBag> summary)
    {
        var othersWords = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < sentences.Count; j++)
        {
            if (j == index) continue;
            othersWords.UnionWith(documents[j].Words);
            foreach (var s in sentences[j]) othersWords.UnionWith(s.Words);
        }

        var picked = new List<(int Position, string Text, int Novel)>();
        for (var p = 0; p < own.Count; p++)
        {
            var sentence = own[p];
            if (sentence.Words.Count is < 6 or > 60 || !IsStatement(sentence.Text) || summary.Any(s => IsDuplicate(s, sentence))) continue;
            var novel = sentence.Facts.Distinct().Count(f => !othersWords.Contains(f));
            if (HasNewQuote(sentence.Text, othersWords)) novel++;
            if (novel > 0) picked.Add((p, sentence.Text, novel));
        }

        return picked
            .OrderByDescending(x => x.Novel).ThenBy(x => x.Position)
            .Take(2)
            .OrderBy(x => x.Position)
            .Select(x => x.Text)
            .ToArray();
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
}
