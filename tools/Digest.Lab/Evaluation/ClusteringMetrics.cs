namespace Digest.Lab.Evaluation;

/// <summary>
/// Pairwise and BCubed precision/recall of a predicted clustering against gold labels, from the contingency table
/// (so the cost is linear in the number of items). Pairwise: a pair is a true positive when both clusterings put it
/// together; with no predicted pairs precision is 1 (nothing claimed), with no gold pairs recall is 1.
/// </summary>
public static class ClusteringMetrics
{
    public static ClusteringScores Score<TGold, TPredicted>(IReadOnlyList<TGold> gold, IReadOnlyList<TPredicted> predicted)
        where TGold : notnull
        where TPredicted : notnull
    {
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException($"Gold has {gold.Count} labels but the prediction has {predicted.Count}.", nameof(predicted));
        }

        var n = gold.Count;
        var goldSizes = new Dictionary<TGold, long>();
        var predictedSizes = new Dictionary<TPredicted, long>();
        var cells = new Dictionary<(TGold, TPredicted), long>();
        for (var i = 0; i < n; i++)
        {
            Increment(goldSizes, gold[i]);
            Increment(predictedSizes, predicted[i]);
            Increment(cells, (gold[i], predicted[i]));
        }

        long truePairs = 0;
        double bcubedPrecision = 0, bcubedRecall = 0;
        foreach (var ((g, p), count) in cells)
        {
            truePairs += Pairs(count);
            bcubedPrecision += (double)count * count / predictedSizes[p];
            bcubedRecall += (double)count * count / goldSizes[g];
        }

        var predictedPairs = predictedSizes.Values.Sum(Pairs);
        var goldPairs = goldSizes.Values.Sum(Pairs);
        var pairwise = new PrecisionRecall(
            predictedPairs == 0 ? 1 : (double)truePairs / predictedPairs,
            goldPairs == 0 ? 1 : (double)truePairs / goldPairs);
        var bcubed = n == 0 ? new PrecisionRecall(1, 1) : new PrecisionRecall(bcubedPrecision / n, bcubedRecall / n);
        return new ClusteringScores(n, goldSizes.Count, predictedSizes.Count, pairwise, bcubed);
    }

    /// <summary>Turns groups of indexes (as the clusterer returns them) into one label per item.</summary>
    public static int[] Labels(IReadOnlyList<IReadOnlyList<int>> groups, int count)
    {
        var labels = new int[count];
        Array.Fill(labels, -1);
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var i in groups[g])
            {
                labels[i] = g;
            }
        }

        if (Array.IndexOf(labels, -1) is var missing and >= 0)
        {
            throw new ArgumentException($"Item {missing} is in no group.", nameof(groups));
        }

        return labels;
    }

    private static long Pairs(long size) => size * (size - 1) / 2;

    private static void Increment<TKey>(Dictionary<TKey, long> counts, TKey key)
        where TKey : notnull => System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;
}
