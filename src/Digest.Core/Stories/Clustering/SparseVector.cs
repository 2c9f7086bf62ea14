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
        var product = new Product(Weights, other.Weights);
        Walk(other, ref product);
        return product.Sum;
    }

    /// <summary>
    /// How many features both vectors hold that occur in at most <paramref name="maxArticles"/> articles of the batch
    /// (<paramref name="df"/> = document frequency by id), counting no further than <paramref name="stopAt"/>.
    /// </summary>
    public int CountSharedRare(SparseVector other, int[] df, int maxArticles, int stopAt)
    {
        if (stopAt <= 0) return 0;
        var rare = new RareCount(df, maxArticles, stopAt);
        Walk(other, ref rare);
        return rare.Shared;
    }

    /// <summary>Visits the positions of the ids both vectors hold, in id order, until the visitor says stop.</summary>
    private void Walk<TVisitor>(SparseVector other, ref TVisitor visitor)
        where TVisitor : struct, ISharedIds
    {
        var a = Ids;
        var b = other.Ids;
        int i = 0, j = 0, m = Count, n = other.Count;
        while (i < m && j < n)
        {
            var x = a[i];
            var y = b[j];
            if (x == y)
            {
                if (!visitor.Visit(x, i, j)) return;
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
    }

    /// <summary>A struct visitor, so the merge loop is compiled once per kind with no call through an interface.</summary>
    private interface ISharedIds
    {
        /// <summary>One shared id at position <paramref name="i"/> here and <paramref name="j"/> in the other; false to stop.</summary>
        bool Visit(int id, int i, int j);
    }

    private struct Product(float[] mine, float[] theirs) : ISharedIds
    {
        public float Sum;

        public bool Visit(int id, int i, int j)
        {
            Sum += mine[i] * theirs[j];
            return true;
        }
    }

    private struct RareCount(int[] df, int maxArticles, int stopAt) : ISharedIds
    {
        public int Shared;

        public bool Visit(int id, int i, int j)
        {
            if (df[id] <= maxArticles) Shared++;
            return Shared < stopAt;
        }
    }
}
