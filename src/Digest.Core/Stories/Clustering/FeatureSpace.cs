using Digest.Core.Articles;

namespace Digest.Core.Stories.Clustering;

/// <summary>
/// The batch's articles as normalised TF-IDF vectors (stems and entities separately). IDF is smoothed by
/// <see cref="StoryClusterOptions.IdfPriorDocuments"/> pseudo-documents that contain no feature:
/// idf = ln((N + P) / (df + 1)), so two articles weigh their words almost evenly (the stopword list does the work)
/// while a large batch learns which words are common. Vocabulary ids follow name order: deterministic.
/// </summary>
internal sealed class FeatureSpace
{
    private FeatureSpace(SparseVector[] terms, SparseVector[] entities, int?[] days, (int From, int To)[][] namedDays, string[] termNames, string[] entityNames, int[] termDf, int[] entityDf, float[]?[] vectors, float[] fullText)
    {
        Vectors = vectors;
        FullText = fullText;
        HasVectors = vectors.Any(v => v is not null);
        Terms = terms;
        Entities = entities;
        Days = days;
        NamedDays = namedDays;
        TermNames = termNames;
        EntityNames = entityNames;
        TermDf = termDf;
        EntityDf = entityDf;
    }

    public SparseVector[] Terms { get; }

    public SparseVector[] Entities { get; }

    public int?[] Days { get; }

    /// <summary>Per article, the days its headline and lead name (day numbers, from-to), when <see cref="StoryClusterOptions.NamedDays"/>.</summary>
    public (int From, int To)[][] NamedDays { get; }

    public string[] TermNames { get; }

    public string[] EntityNames { get; }

    public int[] TermDf { get; }

    public int[] EntityDf { get; }

    public int Count => Terms.Length;

    /// <summary>Each article's sentence embedding (L2-normalised), or null where it has none.</summary>
    public float[]?[] Vectors { get; }

    /// <summary>Whether any article has an embedding (the semantic rule and threshold apply).</summary>
    public bool HasVectors { get; }

    /// <summary>How much of a full article each one is: body words / <see cref="StoryClusterOptions.FullTextWords"/>, at most 1 (0 = headline only).</summary>
    public float[] FullText { get; }

    public static FeatureSpace Build(IReadOnlyList<Article> articles, StoryClusterOptions options)
    {
        // Pass 1 (parallel): features per article, interned to provisional ids so no per-article dictionary is kept.
        var n = articles.Count;
        var termVocab = new Interner();
        var entityVocab = new Interner();
        var terms = new (int[] Ids, float[] Tf)[n];
        var entities = new (int[] Ids, float[] Tf)[n];
        var days = new int?[n];
        var namedDays = new (int From, int To)[n][];
        var fullText = new float[n];
        Parallel.For(
            0,
            n,
            () => new FeaturizerCache(),
            (i, _, cache) =>
            {
                var raw = ArticleFeaturizer.Extract(articles[i], options, cache);
                terms[i] = termVocab.Intern(raw.Terms);
                entities[i] = entityVocab.Intern(raw.Entities);
                days[i] = raw.Day;
                namedDays[i] = raw.NamedDays;
                fullText[i] = Math.Min(1f, raw.BodyWords / (float)Math.Max(1, options.FullTextWords));
                return cache;
            },
            _ => { });

        // Pass 2: canonical ids in ordinal name order, so the result does not depend on thread timing.
        var (termNames, termMap) = termVocab.Canonical();
        var (entityNames, entityMap) = entityVocab.Canonical();
        var termDf = Frequencies(terms, termMap, termNames.Length);
        var entityDf = Frequencies(entities, entityMap, entityNames.Length);
        var termVectors = new SparseVector[n];
        var entityVectors = new SparseVector[n];
        Parallel.For(0, n, i =>
        {
            termVectors[i] = Weigh(terms[i], termMap, termDf, n, options.IdfPriorDocuments, options.MaxTermsPerArticle);
            entityVectors[i] = Weigh(entities[i], entityMap, entityDf, n, options.IdfPriorDocuments, options.MaxEntitiesPerArticle);
            terms[i] = default;
            entities[i] = default;
        });

        return new FeatureSpace(termVectors, entityVectors, days, namedDays, termNames, entityNames, termDf, entityDf, VectorsOf(articles), fullText);
    }

    /// <summary>The articles' embeddings; vectors of another length than the first one's are left out.</summary>
    private static float[]?[] VectorsOf(IReadOnlyList<Article> articles)
    {
        var vectors = new float[]?[articles.Count];
        int? dimensions = null;
        for (var i = 0; i < articles.Count; i++)
        {
            if (articles[i].Embedding?.Vector is not { Length: > 0 } v) continue;
            dimensions ??= v.Length;
            if (v.Length == dimensions) vectors[i] = v;
        }

        return vectors;
    }

    /// <summary>Inverse document frequency of a feature seen in <paramref name="df"/> of <paramref name="n"/> articles.</summary>
    public static float Idf(int df, int n, int prior) => MathF.Log((n + prior) / (df + 1f));

    private static readonly Comparer<float> DescendingWeight = Comparer<float>.Create((x, y) => y.CompareTo(x));

    private static int[] Frequencies((int[] Ids, float[] Tf)[] features, int[] map, int size)
    {
        var df = new int[size];
        foreach (var (ids, _) in features)
        {
            foreach (var id in ids) df[map[id]]++;
        }

        return df;
    }

    /// <summary>Turns the article's compact features into its TF-IDF vector in place (no second copy of a large batch).</summary>
    private static SparseVector Weigh((int[] Ids, float[] Tf) features, int[] map, int[] df, int n, int prior, int max)
    {
        var (ids, weights) = features;
        for (var k = 0; k < ids.Length; k++)
        {
            ids[k] = map[ids[k]];
            weights[k] *= Idf(df[ids[k]], n, prior);
        }

        if (ids.Length <= max)
        {
            return SparseVector.Normalised(ids, weights, ids.Length);
        }

        // Keep the strongest features only (the tail barely moves a cosine but costs time); sort in place, by
        // descending weight, so no second copy of a large batch is made.
        Array.Sort(weights, ids, DescendingWeight);
        return SparseVector.Normalised(ids, weights, max);
    }
}
