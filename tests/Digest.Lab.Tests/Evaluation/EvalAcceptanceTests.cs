using Digest.Core.Stories.Clustering;
using Digest.Core.Tests.Stories;
using Digest.Lab.Evaluation;

namespace Digest.Lab.Tests.Evaluation;

/// <summary>
/// Runs the labelled development sets from ../shared/eval (beside the clone; never committed) through the clusterer
/// and checks the acceptance thresholds. Skips itself when the sets are not there.
/// </summary>
public sealed class EvalAcceptanceTests
{
    private static readonly string[] Files = ["basil.jsonl", "gvc.jsonl", "newswcl50.jsonl"];

    [Fact]
    public async Task Cluster_SharedEvalSets_MeetAcceptanceThresholds()
    {
        var folder = Path.Combine(Path.GetDirectoryName(TestArticles.RepositoryRoot())!, "shared", "eval");
        if (!Files.All(f => File.Exists(Path.Combine(folder, f))))
        {
            return; // Not available here: the eval command is the way to measure.
        }

        var clusterer = new StoryClusterer();
        var sets = new List<EvalFile>();
        foreach (var name in Files)
        {
            var file = await EvalFileReader.ReadAsync(Path.Combine(folder, name));
            Assert.Empty(file.Errors);
            sets.Add(file);
            var scores = ClusteringMetrics.Score(file.Clusters, ClusteringMetrics.Labels(clusterer.Cluster(file.Articles), file.Articles.Count));
            Assert.True(scores.Pairwise.F1 >= 0.85, $"{name}: pairwise F1 {scores.Pairwise.F1:F3} < 0.85");
        }

        var all = sets.SelectMany(s => s.Articles).ToList();
        var gold = sets.SelectMany(s => s.Clusters.Select(c => s.Path + "/" + c)).ToList();
        var combined = ClusteringMetrics.Score(gold, ClusteringMetrics.Labels(clusterer.Cluster(all), all.Count));
        Assert.True(combined.Pairwise.F1 >= 0.92, $"combined pairwise F1 {combined.Pairwise.F1:F3} < 0.92");
        Assert.True(combined.BCubed.F1 >= 0.95, $"combined BCubed F1 {combined.BCubed.F1:F3} < 0.95");
    }
}
