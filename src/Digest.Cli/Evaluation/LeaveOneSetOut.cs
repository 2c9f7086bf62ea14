using Digest.Core.Stories.Clustering;
using Digest.Core.Stories.Evaluation;

namespace Digest.Cli.Evaluation;

/// <summary>
/// Honest figures for the full-text sets: for each set, the parameters are chosen by a small grid (merge threshold
/// × embedding share; the name share stays 0.2) on the OTHER sets only, and the held-out
/// set is scored with them. Selection is by the pairwise F1 of the other sets clustered together (as the
/// "combined" row). The same grid over all sets is how the shipped threshold and embedding share were chosen.
/// </summary>
internal static class LeaveOneSetOut
{
    public static readonly float[] Thresholds = [0.27f, 0.29f, 0.31f, 0.33f, 0.35f, 0.37f, 0.39f];
    public static readonly float[] SemanticShares = [0.3f, 0.4f, 0.5f];
    private const float NameShare = 0.2f;

    public static IReadOnlyList<StoryClusterOptions> Grid(StoryClusterOptions start) =>
        [.. from t in Thresholds from s in SemanticShares select start with { SemanticThreshold = t, SemanticShare = s, SemanticTermShare = 1f - NameShare - s }];

    /// <summary>Pairwise F1 of every grid point on one batch (the sets given, clustered together as in "combined").</summary>
    public static double[] Scores(IReadOnlyList<EvalSet> sets, IReadOnlyList<StoryClusterOptions> grid)
    {
        var articles = sets.SelectMany(s => s.Articles).ToList();
        var gold = sets.SelectMany(s => s.Gold.Select(g => s.Name + "/" + g)).ToList();
        var space = new StoryClusterer(grid[0]).Featurize(articles);
        var scores = new double[grid.Count];
        for (var g = 0; g < grid.Count; g++)
        {
            var groups = new StoryClusterer(grid[g]).Cluster(space);
            scores[g] = ClusteringMetrics.Score(gold, ClusteringMetrics.Labels(groups, articles.Count)).Pairwise.F1;
        }

        return scores;
    }

    /// <summary>
    /// The grid point with the best combined pairwise F1 on <paramref name="sets"/> clustered together (the
    /// acceptance measure); the first on ties.
    /// </summary>
    public static int Best(IReadOnlyList<EvalSet> sets, IReadOnlyList<StoryClusterOptions> grid)
    {
        var scores = Scores(sets, grid);
        var best = 0;
        for (var g = 1; g < scores.Length; g++)
        {
            if (scores[g] > scores[best] + 1e-9) best = g;
        }

        return best;
    }
}

/// <summary>One labelled set ready to cluster.</summary>
internal sealed record EvalSet(string Name, IReadOnlyList<Digest.Core.Articles.Article> Articles, IReadOnlyList<string> Gold);
