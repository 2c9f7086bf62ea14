using Digest.Core.Stories.Clustering;

namespace Digest.Core.Stories.Persistence;

/// <summary>
/// A story's fingerprint for matching across days: the strongest stems and names/numbers of its articles' centroid,
/// by name (vocabulary ids are per batch), renormalised.
/// </summary>
internal sealed record StorySignature(IReadOnlyDictionary<string, float> Terms, IReadOnlyDictionary<string, float> Entities)
{
    public static StorySignature Of(FeatureSpace space, IReadOnlyList<int> members, int terms, int entities) =>
        new(Top(members.Select(m => space.Terms[m]), space.TermNames, terms), Top(members.Select(m => space.Entities[m]), space.EntityNames, entities));

    /// <summary>Sum of several days' signatures (a developing story's whole recent history).</summary>
    public static StorySignature Combine(IEnumerable<StoryDayRecord> days) =>
        new(Normalise(Sum(days.Select(d => d.Terms))), Normalise(Sum(days.Select(d => d.Entities))));

    /// <summary>Same blend, entity gate and date discount as two articles (<see cref="PairSimilarity"/>).</summary>
    public float Similarity(StorySignature other, int dayGap, StoryClusterOptions options)
    {
        var entity = Cosine(Entities, other.Entities);
        if (entity < options.MinEntitySimilarity) return 0f;
        var term = Cosine(Terms, other.Terms);
        var similarity = (options.TermShare * term) + ((1f - options.TermShare) * entity);
        return similarity * PairSimilarity.TimeFactor(0, dayGap, options);
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
