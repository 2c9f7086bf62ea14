using Digest.Core.Articles;
using Digest.Core.Stories.Text;

namespace Digest.Core.Stories.Evaluation;

/// <summary>
/// A synthetic article stream for benchmarks, made at run time from a pool of real articles (never stored): each
/// article is a pool article with new id, sentences partly shuffled, words dropped or replaced, and its date moved
/// forward by one "epoch" (45 days) per pass over the pool, so copies of one event in different passes read as
/// different events, as in a real stream. Deterministic for a seed.
/// </summary>
public static class SyntheticStream
{
    private const int EpochDays = 45;
    private static readonly DateOnly DefaultDay = new(2018, 1, 1);

    public static IReadOnlyList<Article> Generate(IReadOnlyList<Article> pool, int count, int seed)
    {
        if (pool.Count == 0) throw new ArgumentException("The pool holds no articles.", nameof(pool));
        var vocabulary = pool.Take(50).SelectMany(a => a.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToArray();
        var result = new Article[count];
        Parallel.For(0, count, k =>
        {
            var random = new Random(HashCode.Combine(seed, k));
            var source = pool[random.Next(pool.Count)];
            var epoch = k / pool.Count;
            var day = (source.Published is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : DefaultDay).AddDays((epoch * EpochDays) + random.Next(3));
            var paragraphs = source.Paragraphs.Select(par => Perturb(par, random, vocabulary)).ToList();
            result[k] = source with
            {
                Id = $"syn-{seed}-{k}",
                Title = Words(source.Title, random, vocabulary, drop: 0.1, replace: 0),
                Published = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                Sections = [new ArticleSection(null, paragraphs)],
                ContentHash = $"syn-{seed}-{k}",
            };
        });

        return result;
    }

    private static string Perturb(string paragraph, Random random, string[] vocabulary)
    {
        var sentences = SentenceSplitter.Split(paragraph).ToArray();
        for (var i = sentences.Length - 1; i > 0; i--)
        {
            if (random.NextDouble() < 0.3)
            {
                var j = random.Next(i + 1);
                (sentences[i], sentences[j]) = (sentences[j], sentences[i]);
            }
        }

        return string.Join(" ", sentences.Select(s => Words(s, random, vocabulary, drop: 0.05, replace: 0.03)));
    }

    private static string Words(string text, Random random, string[] vocabulary, double drop, double replace)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>(words.Length);
        foreach (var word in words)
        {
            var roll = random.NextDouble();
            if (roll < drop) continue;
            kept.Add(roll < drop + replace && vocabulary.Length > 0 ? vocabulary[random.Next(vocabulary.Length)] : word);
        }

        return kept.Count > 0 ? string.Join(' ', kept) : text;
    }
}
