using Digest.Core.Articles;

namespace Digest.Core.Stories.Clustering;

/// <summary>
/// Groups articles that report the same event. Pure and deterministic: the same articles in the same order give the
/// same groups. Used by both the daily composer and `digest-lab eval`.
/// Steps: features per article (<see cref="ArticleFeaturizer"/>), TF-IDF vectors (<see cref="FeatureSpace"/>),
/// candidate pairs from an inverted index (<see cref="CandidateFinder"/>), pair similarity
/// (<see cref="PairSimilarity"/>), then average-linkage agglomeration over the candidate graph: pairs are visited
/// from the most similar down, and two groups merge only when their average pairwise similarity reaches
/// <see cref="StoryClusterOptions.ThresholdFor"/>, which stops chains of look-alike reports from snowballing.
/// </summary>
public sealed class StoryClusterer(StoryClusterOptions? options = null)
{
    private readonly StoryClusterOptions options = options ?? StoryClusterOptions.Default;

    public StoryClusterOptions Options => options;

    /// <summary>Receives one line per clustering phase (time and counts) when set: `digest-lab bench cluster --verbose`.</summary>
    public Action<string>? Trace { get; init; }

    /// <summary>Groups of article indexes (each ascending; groups ordered by their first index).</summary>
    public IReadOnlyList<IReadOnlyList<int>> Cluster(IReadOnlyList<Article> articles) => Cluster(Featurize(articles));

    internal FeatureSpace Featurize(IReadOnlyList<Article> articles)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var space = FeatureSpace.Build(articles, options);
        Trace?.Invoke($"features: {articles.Count} articles, {space.TermNames.Length} stems, {space.EntityNames.Length} names in {watch.Elapsed.TotalSeconds:F2} s");
        return space;
    }

    internal IReadOnlyList<IReadOnlyList<int>> Cluster(FeatureSpace space)
    {
        var n = space.Count;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var threshold = PairSimilarity.Threshold(space, options);
        var pairs = CandidateFinder.Find(space, options);
        Trace?.Invoke($"candidates: {pairs.Length} pairs in {watch.Elapsed.TotalSeconds:F2} s");
        watch.Restart();
        var scores = new float[pairs.Length];
        Parallel.For(0, pairs.Length, k =>
        {
            var (a, b) = ((int)(pairs[k] >> 32), (int)(uint)pairs[k]);
            scores[k] = PairSimilarity.Of(space, a, b, options);
        });

        var neighbours = new Dictionary<int, float>?[n];
        var edges = new List<(float Score, long Pair)>();
        for (var k = 0; k < pairs.Length; k++)
        {
            if (scores[k] <= 0f) continue;
            var (a, b) = ((int)(pairs[k] >> 32), (int)(uint)pairs[k]);
            (neighbours[a] ??= []).Add(b, scores[k]);
            (neighbours[b] ??= []).Add(a, scores[k]);
            if (scores[k] >= threshold) edges.Add((scores[k], pairs[k]));
        }

        edges.Sort((x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Pair.CompareTo(y.Pair));
        Trace?.Invoke($"scores: {edges.Count} edges at or above {threshold:F3} in {watch.Elapsed.TotalSeconds:F2} s");
        watch.Restart();
        long attempts = 0, exactPairs = 0;

        var owner = new int[n];
        var members = new List<int>?[n];
        var internalSum = new double[n]; // sum of the similarities of each group's member pairs
        var fullSum = new double[n]; // sum of the members' full-text shares
        for (var i = 0; i < n; i++) fullSum[i] = space.FullText[i];
        for (var i = 0; i < n; i++)
        {
            owner[i] = i;
            members[i] = [i];
        }

        // A failed merge is not retried until the smaller group has grown: the many edges between two groups cost one
        // average, not one each, and a growing large group does not re-test every article it once rejected (that
        // made the cost quadratic in the size of broad headline stories). Deterministic: it depends on order only.
        var rejected = new HashSet<(int, int, int)>();
        foreach (var (_, pair) in edges)
        {
            var x = owner[(int)(pair >> 32)];
            var y = owner[(int)(uint)pair];
            if (x == y) continue;
            var (small, large) = members[x]!.Count <= members[y]!.Count ? (x, y) : (y, x);
            var attempt = (small, large, members[small]!.Count);
            if (rejected.Contains(attempt)) continue;
            attempts++;
            if ((long)members[small]!.Count * members[large]!.Count <= options.ExactLinkagePairs) exactPairs += (long)members[small]!.Count * members[large]!.Count;
            var cross = AverageLink(space, members[small]!, members[large]!, owner, large, neighbours);
            if (cross < threshold || !Cohesive(cross, small, large, members, internalSum, fullSum))
            {
                rejected.Add(attempt);
                continue;
            }

            internalSum[large] += internalSum[small] + ((double)cross * members[small]!.Count * members[large]!.Count);
            fullSum[large] += fullSum[small];

            foreach (var m in members[small]!)
            {
                owner[m] = large;
            }

            members[large]!.AddRange(members[small]!);
            members[small] = null;
        }

        Trace?.Invoke($"linkage: {attempts} merge attempts, {exactPairs} exact pair scores, {rejected.Count} rejections in {watch.Elapsed.TotalSeconds:F2} s");
        var groups = new List<IReadOnlyList<int>>();
        for (var i = 0; i < n; i++)
        {
            if (members[i] is { } list)
            {
                list.Sort();
                groups.Add(list);
            }
        }

        groups.Sort((p, q) => p[0].CompareTo(q[0]));
        return groups;
    }

    /// <summary>
    /// Cohesion conditions on merging into a group of <see cref="StoryClusterOptions.CohesionMinSize"/>+ articles
    /// (issue 21): two such groups merge only if their average cross similarity is at least
    /// <see cref="StoryClusterOptions.CohesionRatio"/> of their own average internal similarity (two tight groups about
    /// two look-alike events are each more alike inside than with each other); fewer articles join such a group only
    /// if their cross average reaches <see cref="StoryClusterOptions.JoinCohesionRatio"/> of the group's internal
    /// average (one report of the look-alike event is markedly less alike, and once in, it lowers the group's average
    /// and lets its twins follow). Both ratios are scaled by the full-text share of the more full-text side, so
    /// headline threads (UCI) are exempt while a full-text group meeting a headline group is not.
    /// </summary>
    private bool Cohesive(float cross, int small, int large, List<int>?[] members, double[] internalSum, double[] fullSum)
    {
        var (ns, nl) = (members[small]!.Count, members[large]!.Count);
        if (nl < options.CohesionMinSize) return true;
        var full = Math.Max(fullSum[small] / ns, fullSum[large] / nl);
        if (ns < options.CohesionMinSize)
        {
            return options.JoinCohesionRatio <= 0f || full < 0.5
                || cross >= options.JoinCohesionRatio * internalSum[large] / (nl * (nl - 1) / 2.0);
        }

        if (options.CohesionRatio <= 0f) return true;
        var pairs = (ns * (ns - 1) / 2.0) + (nl * (nl - 1) / 2.0);
        var inside = (internalSum[small] + internalSum[large]) / pairs;
        return cross >= options.CohesionRatio * full * inside;
    }

    private float AverageLink(FeatureSpace space, List<int> small, List<int> large, int[] owner, int largeId, Dictionary<int, float>?[] neighbours)
    {
        var sum = 0.0;
        if ((long)small.Count * large.Count <= options.ExactLinkagePairs)
        {
            foreach (var a in small)
            {
                foreach (var b in large)
                {
                    sum += PairSimilarity.Of(space, a, b, options);
                }
            }
        }
        else
        {
            // Large groups: only candidate pairs are known; a pair never proposed counts as dissimilar.
            foreach (var a in small)
            {
                if (neighbours[a] is not { } near) continue;
                foreach (var (b, score) in near)
                {
                    if (owner[b] == largeId) sum += score;
                }
            }
        }

        return (float)(sum / ((double)small.Count * large.Count));
    }
}
