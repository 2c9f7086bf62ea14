namespace Digest.Core.Stories.Clustering;

/// <summary>
/// The batch's articles as normalised TF-IDF vectors (stems and entities separately). IDF is smoothed by
/// <see cref="StoryClusterOptions.IdfPriorDocuments"/> pseudo-documents that contain no feature:
/// idf = ln((N + P) / (df + 1)), so two articles weigh their words almost evenly (the stopword list does the work)
/// while a large batch learns which words are common. Vocabulary ids are assigned in article order: deterministic.
/// </summary>
internal sealed class FeatureSpace
{
    private FeatureSpace(SparseVector[] terms, SparseVector[] entities, int?[] days, string[] termNames, string[] entityNames, int[] termDf, int[] entityDf)
    {
        Terms = terms;
        Entities = entities;
        Days = days;
        TermNames = termNames;
        EntityNames = entityNames;
        TermDf = termDf;
        EntityDf = entityDf;
    }

    public SparseVector[] Terms { get; }

    public SparseVector[] Entities { get; }

    public int?[] Days { get; }

    public string[] TermNames { get; }

    public string[] EntityNames { get; }

    public int[] TermDf { get; }

    public int[] EntityDf { get; }

    public int Count => Terms.Length;

    public static FeatureSpace Build(IReadOnlyList<RawFeatures> raw, StoryClusterOptions options)
    {
        var n = raw.Count;
        var termVocab = new Dictionary<string, int>(StringComparer.Ordinal);
        var entityVocab = new Dictionary<string, int>(StringComparer.Ordinal);
        var termDf = new List<int>();
        var entityDf = new List<int>();
        var termIds = new int[n][];
        var entityIds = new int[n][];
        for (var i = 0; i < n; i++)
        {
            termIds[i] = Map(raw[i].Terms, termVocab, termDf);
            entityIds[i] = Map(raw[i].Entities, entityVocab, entityDf);
        }

        var termIdf = Idf(termDf, n, options.IdfPriorDocuments);
        var entityIdf = Idf(entityDf, n, options.IdfPriorDocuments);
        var terms = new SparseVector[n];
        var entities = new SparseVector[n];
        var days = new int?[n];
        Parallel.For(0, n, i =>
        {
            terms[i] = Weigh(termIds[i], raw[i].Terms.Values, termIdf);
            entities[i] = Weigh(entityIds[i], raw[i].Entities.Values, entityIdf);
            days[i] = raw[i].Day;
        });

        return new FeatureSpace(terms, entities, days, Names(termVocab), Names(entityVocab), [.. termDf], [.. entityDf]);
    }

    /// <summary>Inverse document frequency of a feature seen in <paramref name="df"/> of <paramref name="n"/> articles.</summary>
    public static float Idf(int df, int n, int prior) => MathF.Log((n + prior) / (df + 1f));

    private static float[] Idf(List<int> df, int n, int prior)
    {
        var idf = new float[df.Count];
        for (var i = 0; i < idf.Length; i++)
        {
            idf[i] = Idf(df[i], n, prior);
        }

        return idf;
    }

    private static int[] Map(Dictionary<string, float> features, Dictionary<string, int> vocab, List<int> df)
    {
        var ids = new int[features.Count];
        var k = 0;
        foreach (var key in features.Keys)
        {
            if (!vocab.TryGetValue(key, out var id))
            {
                id = vocab.Count;
                vocab.Add(key, id);
                df.Add(0);
            }

            df[id]++;
            ids[k++] = id;
        }

        return ids;
    }

    private static SparseVector Weigh(int[] ids, Dictionary<string, float>.ValueCollection values, float[] idf)
    {
        var weights = new float[ids.Length];
        var k = 0;
        foreach (var tf in values)
        {
            weights[k] = tf * idf[ids[k]];
            k++;
        }

        return SparseVector.Normalised(ids, weights);
    }

    private static string[] Names(Dictionary<string, int> vocab)
    {
        var names = new string[vocab.Count];
        foreach (var (name, id) in vocab)
        {
            names[id] = name;
        }

        return names;
    }
}
