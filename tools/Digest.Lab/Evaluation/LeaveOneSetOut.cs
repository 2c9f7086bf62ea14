using Digest.Core.Stories.Clustering;

namespace Digest.Lab.Evaluation;

/// <summary>
/// Honest figures for the full-text sets: for each set, the parameters are chosen by a small grid (merge threshold
/// × embedding share × name share; stems take the rest) on the OTHER sets only, and the held-out set is scored with
/// them. The same rule over all sets is how the shipped threshold and shares were chosen.
/// <para>Selection: each set is clustered on its own and every set counts equally (the mean of their pairwise F1;
/// in one combined batch the sets with large stories would dominate, as one wrong merge of two five-article stories
/// costs 25 pairs), and each point is judged with its two neighbouring thresholds (the mean of the three), so a
/// spike made by a single merge does not win over a stable region.</para>
/// </summary>
internal static class LeaveOneSetOut
{
    public static readonly float[] Thresholds = [0.27f, 0.29f, 0.31f, 0.33f, 0.35f, 0.37f, 0.39f];
    public static readonly float[] SemanticShares = [0.3f, 0.4f, 0.5f];

    /// <summary>Shares of the name/number cosine (0.2 alone until issue 21's seventh round).</summary>
    public static readonly float[] NameShares = [0.1f, 0.2f];

    /// <summary>The weightings of the grid: every embedding share with every name share (stems take the rest).</summary>
    public static readonly (float Embedding, float Names)[] Weights = [.. from s in SemanticShares from n in NameShares select (s, n)];

    /// <summary>The grid, threshold by threshold (index = threshold index × weightings + weighting index).</summary>
    public static IReadOnlyList<StoryClusterOptions> Grid(StoryClusterOptions start) =>
        [.. from t in Thresholds from w in Weights select start with { SemanticThreshold = t, SemanticShare = w.Embedding, SemanticTermShare = 1f - w.Names - w.Embedding }];

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
    /// <see cref="Scores"/> per set), then the mean of the point and its neighbouring thresholds at the same weighting.
    /// </summary>
    public static double[] Objective(IReadOnlyList<double[]> perSet)
    {
        var points = Thresholds.Length * Weights.Length;
        var mean = new double[points];
        for (var g = 0; g < points; g++)
        {
            mean[g] = perSet.Average(row => row[g]);
        }

        var smoothed = new double[points];
        for (var t = 0; t < Thresholds.Length; t++)
        {
            for (var s = 0; s < Weights.Length; s++)
            {
                var (sum, count) = (0.0, 0);
                for (var u = Math.Max(0, t - 1); u <= Math.Min(Thresholds.Length - 1, t + 1); u++)
                {
                    sum += mean[(u * Weights.Length) + s];
                    count++;
                }

                smoothed[(t * Weights.Length) + s] = sum / count;
            }
        }

        return smoothed;
    }

    /// <summary>The index of the best selection score; the first (lowest threshold, then weighting) on ties.</summary>
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
