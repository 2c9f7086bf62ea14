using Digest.Core.Articles;
using Digest.Core.Stories.Text;

namespace Digest.Lab.Evaluation;

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

    /// <summary>
    /// <paramref name="count"/> articles from <paramref name="pool"/>; with <paramref name="dimensions"/> &gt; 0 each
    /// also carries a synthetic embedding (see <see cref="Vector"/>), as if embedded at parse time.
    /// </summary>
    public static IReadOnlyList<Article> Generate(IReadOnlyList<Article> pool, int count, int seed, int dimensions = 0)
    {
        if (pool.Count == 0) throw new ArgumentException("The pool holds no articles.", nameof(pool));
        var vocabulary = pool.Take(50).SelectMany(a => a.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToArray();
        var result = new Article[count];
        Parallel.For(0, count, k =>
        {
            var random = new Random(StableSeed(seed, k, 0));
            var index = random.Next(pool.Count);
            var source = pool[index];
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
                Embedding = dimensions > 0 ? new ArticleEmbedding("synthetic", Vector(seed, k, index, epoch, dimensions)) : null,
            };
        });

        return result;
    }

    /// <summary>
    /// A synthetic embedding (for the cluster benchmark, which measures cost, not quality): a Gaussian direction per
    /// (pool article, epoch), so copies of one report in one pass lie close together (cosine about 0.9), plus noise
    /// per copy; unrelated directions are nearly orthogonal. Deterministic for a seed.
    /// </summary>
    private static float[] Vector(int seed, int k, int source, int epoch, int dimensions)
    {
        var common = new Random(StableSeed(seed, source, epoch + 1));
        var own = new Random(StableSeed(seed, k, -1));
        var v = new float[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            v[d] = Gaussian(common) + (0.3f * Gaussian(own));
        }

        var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(v));
        System.Numerics.Tensors.TensorPrimitives.Divide(v, norm, v);
        return v;
    }

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    /// <summary>
    /// A seed that is the same in every process (HashCode.Combine is randomised per process, which made run-to-run
    /// story counts differ): SplitMix64 finalisation of the three values.
    /// </summary>
    internal static int StableSeed(int a, int b, int c)
    {
        var x = ((ulong)(uint)a * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)b << 21) ^ ((ulong)(uint)c << 42) ^ (ulong)(uint)b;
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (int)(x & 0x7FFFFFFF);
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
