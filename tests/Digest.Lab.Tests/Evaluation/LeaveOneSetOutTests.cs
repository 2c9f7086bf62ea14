using Digest.Lab.Evaluation;

namespace Digest.Lab.Tests.Evaluation;

/// <summary>The selection rule of `digest-lab eval --cv` (and of the shipped threshold and embedding share).</summary>
public sealed class LeaveOneSetOutTests
{
    private static readonly int Shares = LeaveOneSetOut.Weights.Length;

    private static int Index(int threshold, int share) => (threshold * Shares) + share;

    private static double[] Flat(double value) => Enumerable.Repeat(value, LeaveOneSetOut.Thresholds.Length * Shares).ToArray();

    [Fact]
    public void Best_StableRegionBeatsAOneMergeSpike()
    {
        // A lone spike at the last threshold (one lucky merge) against a plateau of three neighbouring thresholds.
        var scores = Flat(0.5);
        scores[Index(6, 1)] = 1.0;
        scores[Index(2, 0)] = scores[Index(3, 0)] = scores[Index(4, 0)] = 0.9;

        Assert.Equal(Index(3, 0), LeaveOneSetOut.Best([scores]));
    }

    [Fact]
    public void Best_EverySetCountsEqually()
    {
        // Set A clearly prefers weighting 0, set B slightly prefers weighting 2: the mean follows A.
        var a = Flat(0.5);
        var b = Flat(0.5);
        for (var t = 0; t < LeaveOneSetOut.Thresholds.Length; t++)
        {
            a[Index(t, 0)] = 0.9;
            b[Index(t, 2)] = 0.55;
        }

        Assert.Equal(Index(0, 0), LeaveOneSetOut.Best([a, b]));
    }

    [Fact]
    public void Objective_AveragesEachThresholdWithItsNeighbours()
    {
        var scores = Flat(0.0);
        scores[Index(0, 2)] = 0.6;

        var objective = LeaveOneSetOut.Objective([scores]);

        Assert.Equal(0.3, objective[Index(0, 2)], 6); // the lowest threshold has one neighbour
        Assert.Equal(0.2, objective[Index(1, 2)], 6);
        Assert.Equal(0.0, objective[Index(2, 2)], 6);
        Assert.Equal(0.0, objective[Index(0, 1)], 6); // other weightings are not mixed in
    }
}
