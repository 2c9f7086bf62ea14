using Digest.Core.Stories.Text;

namespace Digest.Core.Stories.Merging;

/// <summary>
/// A piece of text as a normalised bag of stems (stopwords removed, 1 + ln tf), plus the lower-case words it
/// contains, the names it capitalises mid-sentence and its numbers: what the merger compares sentences with.
/// </summary>
internal sealed class TextBag
{
    private TextBag(string text, Dictionary<string, float> stems, HashSet<string> words, List<string> facts)
    {
        Text = text;
        Stems = stems;
        Words = words;
        Facts = facts;
    }

    public string Text { get; }

    public Dictionary<string, float> Stems { get; }

    /// <summary>Every lower-case token (stopwords included), for "does another source say this" checks.</summary>
    public HashSet<string> Words { get; }

    /// <summary>Names (capitalised mid-sentence, not stopwords) and numbers, lower case, in order.</summary>
    public List<string> Facts { get; }

    /// <summary>Word-set Jaccard: shared words over all words of the two texts (stopwords included).</summary>
    public float WordJaccard(TextBag other)
    {
        if (Words.Count == 0 || other.Words.Count == 0) return 0;
        var shared = Words.Count(other.Words.Contains);
        return (float)shared / (Words.Count + other.Words.Count - shared);
    }

    public static TextBag Of(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var stems = new Dictionary<string, float>(StringComparer.Ordinal);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var facts = new List<string>();
        foreach (var t in tokens)
        {
            words.Add(t.Lower);
            if (t.IsNumber || (t.Capitalized && !t.SentenceStart && t.Lower.Length > 1 && !Stopwords.Contains(t.Lower)))
            {
                facts.Add(t.Lower);
            }

            if (!t.IsNumber && t.Lower.Length > 1 && !Stopwords.Contains(t.Lower))
            {
                var stem = PorterStemmer.Stem(t.Lower);
                stems[stem] = stems.GetValueOrDefault(stem) + 1f;
            }
        }

        var norm = 0f;
        foreach (var key in stems.Keys.ToArray())
        {
            var w = 1f + MathF.Log(stems[key]);
            stems[key] = w;
            norm += w * w;
        }

        norm = MathF.Sqrt(norm);
        foreach (var key in stems.Keys.ToArray())
        {
            stems[key] /= norm;
        }

        return new TextBag(text, stems, words, facts);
    }

    public float Cosine(Dictionary<string, float> other)
    {
        var (small, large) = Stems.Count <= other.Count ? (Stems, other) : (other, Stems);
        var sum = 0f;
        foreach (var (key, w) in small)
        {
            if (large.TryGetValue(key, out var v)) sum += w * v;
        }

        return sum;
    }

    /// <summary>Jaccard overlap of the two stem sets.</summary>
    public float Jaccard(TextBag other)
    {
        if (Stems.Count == 0 || other.Stems.Count == 0) return 0f;
        var shared = Stems.Keys.Count(other.Stems.ContainsKey);
        return (float)shared / (Stems.Count + other.Stems.Count - shared);
    }

    /// <summary>Normalised sum of bags: their centroid.</summary>
    public static Dictionary<string, float> Centroid(IEnumerable<TextBag> bags)
    {
        var sum = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var bag in bags)
        {
            foreach (var (key, w) in bag.Stems)
            {
                sum[key] = sum.GetValueOrDefault(key) + w;
            }
        }

        var norm = MathF.Sqrt(sum.Values.Sum(w => w * w));
        if (norm > 0)
        {
            foreach (var key in sum.Keys.ToArray())
            {
                sum[key] /= norm;
            }
        }

        return sum;
    }
}
