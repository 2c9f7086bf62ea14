using Digest.Lab.Evaluation;

namespace Digest.Lab.Tests.Evaluation;

public sealed class ClusteringMetricsTests
{
    [Fact]
    public void Score_HandExample_MatchesHandComputation()
    {
        // Gold {0,1,2}{3,4}; predicted {0,1}{2,3,4}.
        // Pairs: gold 3+1=4, predicted 1+3=4, shared (0,1),(3,4)=2 -> P=R=0.5.
        // BCubed precision per item: 1,1,1/3,2/3,2/3 -> 11/15; recall: 2/3,2/3,1/3,1,1 -> 11/15.
        var scores = ClusteringMetrics.Score(["a", "a", "a", "b", "b"], [1, 1, 2, 2, 2]);

        Assert.Equal(0.5, scores.Pairwise.Precision, 6);
        Assert.Equal(0.5, scores.Pairwise.Recall, 6);
        Assert.Equal(0.5, scores.Pairwise.F1, 6);
        Assert.Equal(11.0 / 15, scores.BCubed.Precision, 6);
        Assert.Equal(11.0 / 15, scores.BCubed.Recall, 6);
        Assert.Equal(2, scores.GoldClusters);
        Assert.Equal(2, scores.PredictedClusters);
    }

    [Fact]
    public void Score_EveryItemAlone_PairwiseF1ZeroBCubedPrecisionOne()
    {
        // Gold {0,1}{2}; predicted all singletons: no pairs claimed -> P=1, R=0; BCubed R = (1/2+1/2+1)/3.
        var scores = ClusteringMetrics.Score(["x", "x", "y"], [0, 1, 2]);

        Assert.Equal(1, scores.Pairwise.Precision);
        Assert.Equal(0, scores.Pairwise.Recall);
        Assert.Equal(0, scores.Pairwise.F1);
        Assert.Equal(1, scores.BCubed.Precision);
        Assert.Equal(2.0 / 3, scores.BCubed.Recall, 6);
    }

    [Fact]
    public void Score_AllInOne_PairwisePrecisionIsShareOfTruePairs()
    {
        // Gold {0,1}{2,3}; predicted one group: 6 pairs, 2 true -> P=1/3, R=1; BCubed P = 1/2 for every item.
        var scores = ClusteringMetrics.Score(["x", "x", "y", "y"], [7, 7, 7, 7]);

        Assert.Equal(1.0 / 3, scores.Pairwise.Precision, 6);
        Assert.Equal(1, scores.Pairwise.Recall);
        Assert.Equal(0.5, scores.Pairwise.F1, 6);
        Assert.Equal(0.5, scores.BCubed.Precision, 6);
        Assert.Equal(1, scores.BCubed.Recall, 6);
    }

    [Fact]
    public void Labels_Groups_OneLabelPerItem()
    {
        var labels = ClusteringMetrics.Labels([[0, 2], [1]], 3);

        Assert.Equal([0, 1, 0], labels);
    }

    [Fact]
    public void Labels_ItemMissing_Throws() =>
        Assert.Throws<ArgumentException>(() => ClusteringMetrics.Labels([[0]], 2));
}
