namespace Digest.Core.Stories.Clustering;

/// <summary>
/// Random-hyperplane locality-sensitive hashing (Charikar 2002) of the embeddings, for candidate pairs: per table,
/// the signs of <see cref="StoryClusterOptions.SemanticHashBits"/> projections of the vector (centred on the batch
/// mean, since sentence embeddings share a common direction) form a bucket code; two vectors at angle θ share a
/// table's code with probability (1 - θ/π)^bits. The codes join the article's lexical keys in the inverted index,
/// so articles that land together in several tables become candidates. Hyperplanes come from a fixed seed:
/// deterministic.
/// </summary>
internal static class SemanticHash
{
    private const int Seed = 20260909;

    public static void AddKeys(FeatureSpace space, int[][] keys, int firstKey, StoryClusterOptions options)
    {
        var dimensions = space.Vectors.First(v => v is not null)!.Length;
        var bits = Math.Clamp(options.SemanticHashBits, 1, 20);
        var tables = options.SemanticHashTables;
        var planes = Planes(tables * bits, dimensions);
        var mean = Mean(space.Vectors, dimensions);
        Parallel.For(0, space.Count, i =>
        {
            if (space.Vectors[i] is not { } v) return;
            var centred = new float[dimensions];
            System.Numerics.Tensors.TensorPrimitives.Subtract(v, mean, centred);
            var added = new int[tables];
            for (var t = 0; t < tables; t++)
            {
                var code = 0;
                for (var b = 0; b < bits; b++)
                {
                    var plane = planes.AsSpan(((t * bits) + b) * dimensions, dimensions);
                    if (System.Numerics.Tensors.TensorPrimitives.Dot(plane, centred) >= 0f) code |= 1 << b;
                }

                added[t] = firstKey + (t << bits) + code;
            }

            keys[i] = [.. keys[i], .. added];
        });
    }

    private static float[] Planes(int count, int dimensions)
    {
        var random = new Random(Seed); // seeded Random is the same sequence in every process
        var planes = new float[count * dimensions];
        for (var k = 0; k < planes.Length; k++)
        {
            // Box-Muller: Gaussian components make the hyperplane direction uniform.
            var u = 1.0 - random.NextDouble();
            planes[k] = (float)(Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        return planes;
    }

    private static float[] Mean(float[]?[] vectors, int dimensions)
    {
        var mean = new float[dimensions];
        var count = 0;
        foreach (var v in vectors)
        {
            if (v is null) continue;
            System.Numerics.Tensors.TensorPrimitives.Add(mean, v, mean);
            count++;
        }

        if (count > 0) System.Numerics.Tensors.TensorPrimitives.Divide(mean, count, mean);
        return mean;
    }
}
