using Digest.Core.Stories.Clustering;
using Digest.Core.Stories.Evaluation;

namespace Digest.Cli.Evaluation;

/// <summary>
/// Honest figures for the full-text sets: for each set, the parameters are chosen by a small grid (merge threshold
/// × embedding share; the name share stays 0.2) on the OTHER sets only, by their mean pairwise F1, and the held-out
/// set is scored with them. The same grid over all sets is how the shipped defaults were chosen.
/// </summary>
internal static class LeaveOneSetOut
{
    public static readonly float[] Thresholds = [0.27f, 0.29f, 0.31f, 0.33f, 0.35f, 0.37f, 0.39f];
    public static readonly float[] SemanticShares = [0.3f, 0.4f, 0.5f];
    private const float NameShare = 0.2f;

    public static IReadOnlyList<StoryClusterOptions> Grid(StoryClusterOptions start) =>
        [.. from t in Thresholds from s in SemanticShares select start with { SemanticThreshold = t, SemanticShare = s, SemanticTermShare = 1f - NameShare - s }];

    /// <summary>Pairwise F1 of every grid point (rows) on every set (columns).</summary>
    public static double[,] Scores(IReadOnlyList<EvalSet> sets, IReadOnlyList<StoryClusterOptions> grid)
    {
        var scores = new double[grid.Count, sets.Count];
        for (var s = 0; s < sets.Count; s++)
        {
            var space = new StoryClusterer(grid[0]).Featurize(sets[s].Articles);
            for (var g = 0; g < grid.Count; g++)
            {
                var groups = new StoryClusterer(grid[g]).Cluster(space);
                scores[g, s] = ClusteringMetrics.Score(sets[s].Gold, ClusteringMetrics.Labels(groups, sets[s].Articles.Count)).Pairwise.F1;
            }
        }

        return scores;
    }

    /// <summary>The grid point with the best mean F1 over the sets not excluded (the first on ties).</summary>
    public static int Best(double[,] scores, int excluded)
    {
        var best = 0;
        var bestMean = double.MinValue;
        for (var g = 0; g < scores.GetLength(0); g++)
        {
            double sum = 0;
            var count = 0;
            for (var s = 0; s < scores.GetLength(1); s++)
            {
                if (s == excluded) continue;
                sum += scores[g, s];
                count++;
            }

            var mean = count == 0 ? 0 : sum / count;
            if (mean > bestMean + 1e-9)
            {
                bestMean = mean;
                best = g;
            }
        }

        return best;
    }
}

/// <summary>One labelled set ready to cluster.</summary>
internal sealed record EvalSet(string Name, IReadOnlyList<Digest.Core.Articles.Article> Articles, IReadOnlyList<string> Gold);
