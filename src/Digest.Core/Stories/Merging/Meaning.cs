using System.Numerics.Tensors;

namespace Digest.Core.Stories.Merging;

/// <summary>
/// How alike two sentences of one story are: the cosine of their sentence embeddings when every sentence of the
/// story has one, else the cosine of their stem bags (the lexical fallback, on its own scale, so each rule has its
/// own thresholds). A story is compared on one rule only, never a mix.
/// </summary>
internal sealed class Meaning
{
    private readonly float[]? centreVector;
    private readonly Dictionary<string, float> centreStems;

    public Meaning(IReadOnlyList<Sentence> all)
    {
        Semantic = all.Count > 0 && all.All(s => s.Vector is not null);
        centreStems = TextBag.Centroid(all.Select(s => s.Bag));
        if (Semantic)
        {
            var centre = new float[all[0].Vector!.Length];
            foreach (var s in all)
            {
                TensorPrimitives.Add(centre, s.Vector!, centre);
            }

            var norm = MathF.Sqrt(TensorPrimitives.SumOfSquares(centre));
            if (norm > 0) TensorPrimitives.Divide(centre, norm, centre);
            centreVector = centre;
        }
    }

    public bool Semantic { get; }

    /// <summary>At or above this, another source states the same fact (corroboration; "another source reports it").</summary>
    public float SameFact => Semantic ? 0.6f : 0.3f;

    /// <summary>At or above this, two summary sentences say the same thing.</summary>
    public float Duplicate => Semantic ? 0.65f : 0.35f;

    /// <summary>An addition at least this close to a sentence of another source may be reported there (stricter than <see cref="SameFact"/>: the other sources' later sentences are not compared by meaning).</summary>
    public float MayBeReported => Semantic ? 0.5f : 0.25f;

    /// <summary>An addition at least this close to the story's centre is on its topic.</summary>
    public float OnTopic => Semantic ? 0.45f : 0.12f;

    public float Similarity(Sentence a, Sentence b) => Semantic ? TensorPrimitives.Dot(a.Vector!, b.Vector!) : a.Bag.Cosine(b.Bag.Stems);

    public float Centrality(Sentence s) => Semantic ? TensorPrimitives.Dot(s.Vector!, centreVector!) : s.Bag.Cosine(centreStems);
}
