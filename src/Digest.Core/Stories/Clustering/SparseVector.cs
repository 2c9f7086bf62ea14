namespace Digest.Core.Stories.Clustering;

/// <summary>An L2-normalised sparse vector: feature ids in ascending order with their weights.</summary>
internal sealed class SparseVector
{
    public static SparseVector Empty { get; } = new([], []);

    public SparseVector(int[] ids, float[] weights)
    {
        Ids = ids;
        Weights = weights;
    }

    public int[] Ids { get; }

    public float[] Weights { get; }

    public int Count => Ids.Length;

    /// <summary>Builds a normalised vector from unsorted (id, weight) pairs with distinct ids.</summary>
    public static SparseVector Normalised(int[] ids, float[] weights)
    {
        Array.Sort(ids, weights);
        var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(weights));
        if (norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(weights, norm, weights);
        }

        return new SparseVector(ids, weights);
    }

    /// <summary>Cosine of two normalised vectors (merge of the sorted id lists).</summary>
    public float Dot(SparseVector other)
    {
        var a = Ids;
        var b = other.Ids;
        int i = 0, j = 0;
        var sum = 0f;
        while (i < a.Length && j < b.Length)
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
}
