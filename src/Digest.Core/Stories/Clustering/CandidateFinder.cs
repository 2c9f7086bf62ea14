namespace Digest.Core.Stories.Clustering;

/// <summary>
/// Proposes which article pairs are worth comparing, in near-linear time: each article's highest-weighted
/// features (stems and entities seen in at least two articles) go into an inverted index; an article's candidates
/// are the articles sharing at least <see cref="StoryClusterOptions.MinSharedKeys"/> of them, best
/// <see cref="StoryClusterOptions.MaxCandidates"/> first. Features held by more than
/// <see cref="StoryClusterOptions.MaxPostingLength"/> articles are skipped, which bounds the work per article.
/// The index is bucketed by date (<see cref="BucketDays"/>-day buckets; an article looks in its own and the two
/// neighbouring buckets, in the undated bucket, and around the days its lead names), so a long stream costs linear time: articles weeks apart are
/// discounted below any merge threshold by <see cref="PairSimilarity.TimeFactor"/> anyway. With embeddings, each
/// article also gets one key per random-hyperplane hash table (<see cref="SemanticHash"/>), so reports that share
/// meaning but few words still meet.
/// </summary>
internal static class CandidateFinder
{
    public const int BucketDays = 14;
    private const int Undated = 0xFFFFF;

    public static long[] Find(FeatureSpace space, StoryClusterOptions options)
    {
        var n = space.Count;
        var entityOffset = space.TermNames.Length;
        var keys = new int[n][];
        Parallel.For(0, n, i => keys[i] = KeysOf(space, i, entityOffset, options.KeyFeatures));
        if (space.HasVectors && options.SemanticHashTables > 0)
        {
            SemanticHash.AddKeys(space, keys, entityOffset + space.EntityNames.Length, options);
        }

        var buckets = new int[n];
        for (var i = 0; i < n; i++)
        {
            buckets[i] = space.Days[i] is { } day ? (day / BucketDays) & 0x7FFFF : Undated;
        }

        var postings = new Dictionary<long, List<int>>();
        for (var i = 0; i < n; i++)
        {
            foreach (var feature in keys[i])
            {
                var key = Key(feature, buckets[i]);
                if (!postings.TryGetValue(key, out var list))
                {
                    list = [];
                    postings.Add(key, list);
                }

                list.Add(i);
            }
        }

        var perArticle = new long[n][];
        Parallel.For(
            0,
            n,
            () => (Counts: new int[n], Touched: new List<int>()),
            (i, _, local) =>
            {
                perArticle[i] = CandidatesOf(i, keys[i], Near(space, i, buckets[i]), postings, local.Counts, local.Touched, options);
                return local;
            },
            _ => { });

        // Sort and drop duplicates rather than a HashSet<long>: long.GetHashCode is high ^ low, so pairs (a, b) of
        // nearby articles collide massively (30,000 articles took 50 s here, almost all of it in the set).
        var all = new long[perArticle.Sum(list => (long)list.Length)];
        var at = 0;
        foreach (var list in perArticle)
        {
            list.CopyTo(all, at);
            at += list.Length;
        }

        Array.Sort(all);
        var unique = 0;
        for (var k = 0; k < all.Length; k++)
        {
            if (unique == 0 || all[k] != all[unique - 1]) all[unique++] = all[k];
        }

        return all[..unique];
    }

    public static long Pair(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    private static int[] KeysOf(FeatureSpace space, int i, int entityOffset, int count)
    {
        // Sort by negated weight (primitive sort: no delegate); input order is by id, so the result is deterministic.
        var terms = space.Terms[i];
        var entities = space.Entities[i];
        var weights = new float[terms.Count + entities.Count];
        var keys = new int[weights.Length];
        var m = 0;
        for (var k = 0; k < terms.Count; k++)
        {
            if (space.TermDf[terms.Ids[k]] < 2) continue;
            weights[m] = -terms.Weights[k];
            keys[m++] = terms.Ids[k];
        }

        for (var k = 0; k < entities.Count; k++)
        {
            if (space.EntityDf[entities.Ids[k]] < 2) continue;
            weights[m] = -entities.Weights[k];
            keys[m++] = entityOffset + entities.Ids[k];
        }

        Array.Sort(weights, keys, 0, m);
        return keys[..Math.Min(m, count)];
    }

    private static long Key(int feature, int bucket) => ((long)feature << 20) | (uint)bucket;

    /// <summary>The buckets an article looks in: its own and the two neighbouring ones, the undated one, and those around the days its lead names.</summary>
    private static int[] Near(FeatureSpace space, int i, int bucket)
    {
        if (bucket == Undated) return [Undated];
        var near = new List<int>(8) { bucket - 1, bucket, bucket + 1, Undated };
        foreach (var (from, to) in space.NamedDays[i])
        {
            for (var b = (from / BucketDays) - 1; b <= (to / BucketDays) + 1; b++)
            {
                var key = b & 0x7FFFF;
                if (!near.Contains(key)) near.Add(key);
            }
        }

        return [.. near];
    }

    private static long[] CandidatesOf(int i, int[] keys, int[] near, Dictionary<long, List<int>> postings, int[] counts, List<int> touched, StoryClusterOptions options)
    {
        touched.Clear();
        foreach (var feature in keys)
        {
            foreach (var b in near)
            {
                if (!postings.TryGetValue(Key(feature, b), out var list) || list.Count > options.MaxPostingLength) continue;
                foreach (var j in list)
                {
                    if (j == i) continue;
                    if (counts[j]++ == 0) touched.Add(j);
                }
            }
        }

        var chosen = new List<(int Shared, int Other)>();
        foreach (var j in touched)
        {
            if (counts[j] >= options.MinSharedKeys) chosen.Add((counts[j], j));
            counts[j] = 0;
        }

        chosen.Sort((x, y) => x.Shared != y.Shared ? y.Shared.CompareTo(x.Shared) : x.Other.CompareTo(y.Other));
        return chosen.Take(options.MaxCandidates).Select(c => Pair(i, c.Other)).ToArray();
    }
}
