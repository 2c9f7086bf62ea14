using Digest.Core.Stories.Clustering;

namespace Digest.Lab.Evaluation;

/// <summary>
/// Honest figures for the full-text sets: for each set, the parameters are chosen by a small grid (merge threshold
/// × embedding share; the name share stays 0.2) on the OTHER sets only, and the held-out set is scored with them.
/// The same rule over all sets is how the shipped threshold and embedding share were chosen.
/// <para>Selection: each set is clustered on its own and every set counts equally (the mean of their pairwise F1;
/// in one combined batch the sets with large stories would dominate, as one wrong merge of two five-article stories
/// costs 25 pairs), and each point is judged with its two neighbouring thresholds (the mean of the three), so a
/// spike made by a single merge does not win over a stable region.</para>
/// </summary>
internal static class LeaveOneSetOut
{
    public static readonly float[] Thresholds = [0.27f, 0.29f, 0.31f, 0.33f, 0.35f, 0.37f, 0.39f];
    public static readonly float[] SemanticShares = [0.3f, 0.4f, 0.5f];
    private const float NameShare = 0.2f;

    /// <summary>The grid, threshold by threshold (index = threshold index × shares + share index).</summary>
    public static IReadOnlyList<StoryClusterOptions> Grid(StoryClusterOptions start) =>
        [.. from t in Thresholds from s in SemanticShares select start with { SemanticThreshold = t, SemanticShare = s, SemanticTermShare = 1f - NameShare - s }];

    /// <summary>Pairwise F1 of every grid point on one set clustered on its own.</summary>
    public static double[] Scores(EvalSet set, IReadOnlyList<StoryClusterOptions> grid)
    {
        var space = new StoryClusterer(grid[0]).Featurize(set.Articles);
        var scores = new double[grid.Count];
        for (var g = 0; g < grid.Count; g++)
        {
            var groups = new StoryClusterer(grid[g]).Cluster(space);
            scores[g] = ClusteringMetrics.Score(set.Gold, ClusteringMetrics.Labels(groups, set.Articles.Count)).Pairwise.F1;
        }

        return scores;
    }

    /// <summary>
    /// The selection score of every point of <see cref="Grid"/>: the mean over <paramref name="perSet"/> (one row of
    /// <see cref="Scores"/> per set), then the mean of the point and its neighbouring thresholds at the same share.
    /// </summary>
    public static double[] Objective(IReadOnlyList<double[]> perSet)
    {
        var points = Thresholds.Length * SemanticShares.Length;
        var mean = new double[points];
        for (var g = 0; g < points; g++)
        {
            mean[g] = perSet.Average(row => row[g]);
        }

        var smoothed = new double[points];
        for (var t = 0; t < Thresholds.Length; t++)
        {
            for (var s = 0; s < SemanticShares.Length; s++)
            {
                var (sum, count) = (0.0, 0);
                for (var u = Math.Max(0, t - 1); u <= Math.Min(Thresholds.Length - 1, t + 1); u++)
                {
                    sum += mean[(u * SemanticShares.Length) + s];
                    count++;
                }

                smoothed[(t * SemanticShares.Length) + s] = sum / count;
            }
        }

        return smoothed;
    }

    /// <summary>The index of the best selection score; the first (lowest threshold, then share) on ties.</summary>
    public static int Best(IReadOnlyList<double[]> perSet)
    {
        var objective = Objective(perSet);
        var best = 0;
        for (var g = 1; g < objective.Length; g++)
        {
            if (objective[g] > objective[best] + 1e-9) best = g;
        }

        return best;
    }
}

/// <summary>One labelled set ready to cluster.</summary>
internal sealed record EvalSet(string Name, IReadOnlyList<Digest.Core.Articles.Article> Articles, IReadOnlyList<string> Gold);
