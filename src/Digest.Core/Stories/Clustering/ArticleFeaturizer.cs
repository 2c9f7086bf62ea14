using Digest.Core.Articles;
using Digest.Core.Stories.Text;

namespace Digest.Core.Stories.Clustering;

/// <summary>
/// Turns an article into weighted features: Porter stems of non-stopwords (the topic), and named entities and
/// numbers (the event: who, where, how many). An entity is a word the article capitalises mid-sentence (so
/// "Police" opening a sentence or a Title Case headline do not make common words names), plus each pair of
/// adjacent entity words ("jong un") so full names count more than a shared first name. The headline counts
/// <see cref="StoryClusterOptions.TitleWeight"/> times. Raw counts here; <see cref="Interner"/> makes them sublinear.
/// </summary>
internal static class ArticleFeaturizer
{
    public static RawFeatures Extract(Article article, StoryClusterOptions options, FeaturizerCache cache)
    {
        var title = new List<Token>(16);
        Tokenizer.Tokenize(article.Title, title, cache.Words);
        var body = new List<Token>(512);
        foreach (var paragraph in article.ParagraphsForGrouping)
        {
            Tokenizer.Tokenize(paragraph, body, cache.Words);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in body)
        {
            if (t.Capitalized && !t.SentenceStart && !t.IsNumber && t.Lower.Length > 1 && !Stopwords.Contains(t.Lower))
            {
                names.Add(t.Lower);
            }
        }

        var terms = new Dictionary<string, float>(StringComparer.Ordinal);
        var entities = new Dictionary<string, float>(StringComparer.Ordinal);
        Count(title, options.TitleWeight, names, terms, entities, cache.Stems);
        Count(body, 1f, names, terms, entities, cache.Stems);
        int? day = article.Published is { } p ? DateOnly.FromDateTime(p.UtcDateTime).DayNumber : null;
        (int From, int To)[] named = day is null || !options.NamedDays
            ? []
            : (article.NamedDays ?? DateMentions.In(article)).Select(r => (r.From.DayNumber, r.To.DayNumber)).ToArray();
        return new RawFeatures(terms, entities, day, named, body.Count);
    }

    private static void Count(
        List<Token> tokens,
        float weight,
        HashSet<string> names,
        Dictionary<string, float> terms,
        Dictionary<string, float> entities,
        Dictionary<string, string?> stemCache)
    {
        string? previousName = null;
        foreach (var t in tokens)
        {
            var lower = t.Lower;
            if (t.IsNumber)
            {
                previousName = null;
                if (lower.Length >= 2)
                {
                    Add(entities, "#" + lower, weight);
                }

                continue;
            }

            // One lookup answers both "stopword?" (cached as null) and "stem?".
            if (!stemCache.TryGetValue(lower, out var stem))
            {
                stem = lower.Length > 1 && !Stopwords.Contains(lower) ? PorterStemmer.Stem(lower) : null;
                stemCache[lower] = stem;
            }

            if (stem is not null)
            {
                Add(terms, stem, weight);
            }

            if (t.Capitalized && names.Contains(lower))
            {
                Add(entities, lower, weight);
                if (previousName is not null && t.Joined)
                {
                    Add(entities, previousName + " " + lower, weight);
                }

                previousName = lower;
            }
            else
            {
                previousName = null;
            }
        }
    }

    private static void Add(Dictionary<string, float> counts, string key, float weight)
    {
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _) += weight;
    }
}
