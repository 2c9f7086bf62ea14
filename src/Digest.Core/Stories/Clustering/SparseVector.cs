namespace Digest.Core.Stories.Clustering;

/// <summary>
/// An L2-normalised sparse vector: the first <see cref="Count"/> feature ids in ascending order with their weights
/// (the arrays may be longer: a truncated vector keeps its arrays rather than copying them).
/// </summary>
internal sealed class SparseVector
{
    public static SparseVector Empty { get; } = new([], [], 0);

    public SparseVector(int[] ids, float[] weights, int count)
    {
        Ids = ids;
        Weights = weights;
        Count = count;
    }

    public int[] Ids { get; }

    public float[] Weights { get; }

    public int Count { get; }

    /// <summary>Builds a normalised vector from the first <paramref name="count"/> unsorted (id, weight) pairs with distinct ids.</summary>
    public static SparseVector Normalised(int[] ids, float[] weights, int count)
    {
        Array.Sort(ids, weights, 0, count);
        var span = weights.AsSpan(0, count);
        var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(span));
        if (norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(span, norm, span);
        }

        return new SparseVector(ids, weights, count);
    }

    /// <summary>Cosine of two normalised vectors (merge of the sorted id lists).</summary>
    public float Dot(SparseVector other)
    {
        var a = Ids;
        var b = other.Ids;
        int i = 0, j = 0, m = Count, n = other.Count;
        var sum = 0f;
        while (i < m && j < n)
        {
            var x = a[i];
            var y = b[j];
            if (x == y)
            {
                sum += Weights[i] * other.Weights[j];
                i++;
                j++;
            }
            else if (x < y)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }

    /// <summary>
    /// How many features both vectors hold that occur in at most <paramref name="maxArticles"/> articles of the batch
    /// (<paramref name="df"/> = document frequency by id), counting no further than <paramref name="stopAt"/>.
    /// </summary>
    public int CountSharedRare(SparseVector other, int[] df, int maxArticles, int stopAt)
    {
        var a = Ids;
        var b = other.Ids;
        int i = 0, j = 0, m = Count, n = other.Count, shared = 0;
        while (i < m && j < n && shared < stopAt)
        {
            var x = a[i];
            var y = b[j];
            if (x == y)
            {
                if (df[x] <= maxArticles) shared++;
                i++;
                j++;
            }
            else if (x < y)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }
}
