using System.Numerics.Tensors;
using Digest.Core.Articles;
using Digest.Core.Stories.Clustering;

namespace Digest.Core.Stories.Persistence;

/// <summary>
/// A story's fingerprint for matching across days: the strongest stems and names/numbers of its articles' centroid,
/// by name (vocabulary ids are per batch), renormalised, and the mean of its articles' sentence embeddings.
/// </summary>
internal sealed record StorySignature(IReadOnlyDictionary<string, float> Terms, IReadOnlyDictionary<string, float> Entities, StoryMeaning? Meaning = null)
{
    public static StorySignature Of(FeatureSpace space, IReadOnlyList<Article> articles, IReadOnlyList<int> members, int terms, int entities) =>
        new(Top(members.Select(m => space.Terms[m]), space.TermNames, terms), Top(members.Select(m => space.Entities[m]), space.EntityNames, entities), MeaningOf(space, articles, members));

    /// <summary>Sum of several days' signatures (a developing story's whole recent history); means weighted by articles.</summary>
    public static StorySignature Combine(IReadOnlyList<StoryDayRecord> days) =>
        new(Normalise(Sum(days.Select(d => d.Terms))), Normalise(Sum(days.Select(d => d.Entities))), CombineMeanings(days));

    /// <summary>
    /// How alike a story of today and an earlier story are, by the rule that groups two articles of one day
    /// (<see cref="PairSimilarity"/>): with mean embeddings of one model on both sides, the semantic rule on the
    /// average pairwise cosine (the dot product of the means), the signatures' stem and name cosines, the look-alike
    /// gate and the semantic date decay, on the scale of <see cref="StoryClusterOptions.SemanticThresholdFor"/>;
    /// otherwise the lexical rule, rescaled to that scale when <paramref name="semantic"/> (today's batch has vectors).
    /// </summary>
    public float Similarity(StorySignature other, int dayGap, StoryClusterOptions options, bool semantic)
    {
        var term = Cosine(Terms, other.Terms);
        var entity = Cosine(Entities, other.Entities);
        if (Meaning is { } mine && other.Meaning is { } theirs && mine.Model == theirs.Model && mine.Vector.Length == theirs.Vector.Length)
        {
            var cosine = TensorPrimitives.Dot(mine.Vector, theirs.Vector);
            var (full, longer) = (Math.Min(mine.FullText, theirs.FullText), Math.Max(mine.FullText, theirs.FullText));
            return PairSimilarity.Semantic(cosine, term, entity, full, longer, sharedRare: 0, options) * PairSimilarity.TimeFactor(0, dayGap, options, options.SemanticDayDecay);
        }

        if (entity < options.MinEntitySimilarity) return 0f;
        var lexical = ((options.TermShare * term) + ((1f - options.TermShare) * entity)) * PairSimilarity.TimeFactor(0, dayGap, options);
        return semantic ? lexical * options.SemanticThreshold / options.MergeThreshold : lexical;
    }

    private static StoryMeaning? MeaningOf(FeatureSpace space, IReadOnlyList<Article> articles, IReadOnlyList<int> members)
    {
        float[]? sum = null;
        string? model = null;
        var count = 0;
        var full = 0f;
        foreach (var m in members)
        {
            if (space.Vectors[m] is not { } v || articles[m].Embedding?.Model is not { } name) continue;
            if (model is not null && model != name) continue;
            model = name;
            sum ??= new float[v.Length];
            TensorPrimitives.Add(sum, v, sum);
            full += space.FullText[m];
            count++;
        }

        if (sum is null || model is null) return null;
        TensorPrimitives.Divide(sum, count, sum);
        return new StoryMeaning(model, sum, MathF.Round(full / count, 4), count);
    }

    private static StoryMeaning? CombineMeanings(IReadOnlyList<StoryDayRecord> days)
    {
        var parts = days.Where(d => d.Meaning is not null).Select(d => d.Meaning!).ToList();
        if (parts.Count == 0) return null;
        var first = parts[^1]; // the latest day's model decides
        parts = parts.Where(p => p.Model == first.Model && p.Vector.Length == first.Vector.Length).ToList();
        var sum = new float[first.Vector.Length];
        var count = 0;
        var full = 0f;
        foreach (var p in parts)
        {
            var weight = Math.Max(1, p.Articles);
            for (var i = 0; i < sum.Length; i++) sum[i] += p.Vector[i] * weight;
            full += p.FullText * weight;
            count += weight;
        }

        TensorPrimitives.Divide(sum, count, sum);
        return new StoryMeaning(first.Model, sum, full / count, count);
    }

    private static Dictionary<string, float> Top(IEnumerable<SparseVector> vectors, string[] names, int count)
    {
        var sum = new Dictionary<int, float>();
        foreach (var v in vectors)
        {
            for (var k = 0; k < v.Count; k++)
            {
                sum[v.Ids[k]] = sum.GetValueOrDefault(v.Ids[k]) + v.Weights[k];
            }
        }

        var top = sum.OrderByDescending(p => p.Value).ThenBy(p => names[p.Key], StringComparer.Ordinal).Take(count)
            .ToDictionary(p => names[p.Key], p => p.Value, StringComparer.Ordinal);
        return Normalise(top);
    }

    private static Dictionary<string, float> Sum(IEnumerable<IReadOnlyDictionary<string, float>> parts)
    {
        var sum = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var (key, w) in part) sum[key] = sum.GetValueOrDefault(key) + w;
        }

        return sum;
    }

    private static Dictionary<string, float> Normalise(Dictionary<string, float> v)
    {
        var norm = MathF.Sqrt(v.Values.Sum(w => w * w));
        if (norm > 0)
        {
            foreach (var key in v.Keys.ToArray()) v[key] = MathF.Round(v[key] / norm, 4);
        }

        return v;
    }

    private static float Cosine(IReadOnlyDictionary<string, float> a, IReadOnlyDictionary<string, float> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var sum = 0f;
        foreach (var (key, w) in small)
        {
            if (large.TryGetValue(key, out var v)) sum += w * v;
        }

        return sum;
    }
}
