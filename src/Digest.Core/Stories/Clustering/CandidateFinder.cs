namespace Digest.Core.Stories.Clustering;

/// <summary>
/// Proposes which article pairs are worth comparing, in near-linear time: each article's highest-weighted
/// features (stems and entities seen in at least two articles) go into an inverted index; an article's candidates
/// are the articles sharing at least <see cref="StoryClusterOptions.MinSharedKeys"/> of them, best
/// <see cref="StoryClusterOptions.MaxCandidates"/> first. Features held by more than
/// <see cref="StoryClusterOptions.MaxPostingLength"/> articles are skipped, which bounds the work per article.
/// </summary>
internal static class CandidateFinder
{
    public static long[] Find(FeatureSpace space, StoryClusterOptions options)
    {
        var n = space.Count;
        var entityOffset = space.TermNames.Length;
        var keys = new int[n][];
        Parallel.For(0, n, i => keys[i] = KeysOf(space, i, entityOffset, options.KeyFeatures));

        var postings = new Dictionary<int, List<int>>();
        for (var i = 0; i < n; i++)
        {
            foreach (var key in keys[i])
            {
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
                perArticle[i] = CandidatesOf(i, keys[i], postings, local.Counts, local.Touched, options);
                return local;
            },
            _ => { });

        var pairs = new HashSet<long>();
        foreach (var list in perArticle)
        {
            foreach (var pair in list)
            {
                pairs.Add(pair);
            }
        }

        var result = pairs.ToArray();
        Array.Sort(result);
        return result;
    }

    public static long Pair(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    private static int[] KeysOf(FeatureSpace space, int i, int entityOffset, int count)
    {
        var candidates = new List<(float Weight, int Key)>();
        var terms = space.Terms[i];
        for (var k = 0; k < terms.Count; k++)
        {
            if (space.TermDf[terms.Ids[k]] >= 2) candidates.Add((terms.Weights[k], terms.Ids[k]));
        }

        var entities = space.Entities[i];
        for (var k = 0; k < entities.Count; k++)
        {
            if (space.EntityDf[entities.Ids[k]] >= 2) candidates.Add((entities.Weights[k], entityOffset + entities.Ids[k]));
        }

        candidates.Sort((x, y) => x.Weight != y.Weight ? y.Weight.CompareTo(x.Weight) : x.Key.CompareTo(y.Key));
        return candidates.Take(count).Select(c => c.Key).ToArray();
    }

    private static long[] CandidatesOf(int i, int[] keys, Dictionary<int, List<int>> postings, int[] counts, List<int> touched, StoryClusterOptions options)
    {
        touched.Clear();
        foreach (var key in keys)
        {
            var list = postings[key];
            if (list.Count > options.MaxPostingLength) continue;
            foreach (var j in list)
            {
                if (j == i) continue;
                if (counts[j]++ == 0) touched.Add(j);
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
