namespace Digest.Core.Stories.Clustering;

/// <summary>
/// The one fixed configuration of <see cref="StoryClusterer"/>. Defaults were chosen by a small grid search over the
/// three development sets in ../shared/eval (BASIL, NewsWCL50, GVC; see the README, "Story clustering"), keeping
/// one setting for all three; they are development-set figures, not held-out ones.
/// </summary>
public sealed record StoryClusterOptions
{
    /// <summary>How many times the headline's words count against the body's. Default 3.</summary>
    public float TitleWeight { get; init; } = 3f;

    /// <summary>Pseudo-documents added to the batch when computing IDF, so a tiny batch weighs words almost evenly. Default 20.</summary>
    public int IdfPriorDocuments { get; init; } = 20;

    /// <summary>Share of the similarity given to word stems; the rest goes to named entities and numbers. Default 0.6.</summary>
    public float TermShare { get; init; } = 0.6f;

    /// <summary>Similarity (0-1) at which two groups of a large batch merge (average linkage). Default 0.145.</summary>
    public float MergeThreshold { get; init; } = 0.145f;

    /// <summary>
    /// Extra threshold for small batches, scaled by P / (N + P) with P = <see cref="IdfPriorDocuments"/>: with few
    /// articles IDF cannot tell common words from rare ones, so cosines run high (two reports about the same leader
    /// look alike). Two articles need about MergeThreshold + 0.9 * this; 300 about + 0.06 * this. Default 0.3.
    /// </summary>
    public float SmallBatchBoost { get; init; } = 0.3f;

    /// <summary>The merge threshold for a batch of <paramref name="articles"/> articles.</summary>
    public float ThresholdFor(int articles) => MergeThreshold + (SmallBatchBoost * IdfPriorDocuments / (articles + IdfPriorDocuments));

    /// <summary>Minimum entity/number cosine for any pair to count as the same event. Default 0.1.</summary>
    public float MinEntitySimilarity { get; init; } = 0.1f;

    /// <summary>Date gap in days that costs nothing. Default 3.</summary>
    public int FreeDays { get; init; } = 3;

    /// <summary>Beyond <see cref="FreeDays"/>, similarity is multiplied by exp(-extraDays / this). Default 10.</summary>
    public float DayDecay { get; init; } = 10f;

    /// <summary>Stems kept per article (the highest TF-IDF); bounds memory and time on long articles. Default 200.</summary>
    public int MaxTermsPerArticle { get; init; } = 200;

    /// <summary>Names and numbers kept per article (the highest TF-IDF). Default 100.</summary>
    public int MaxEntitiesPerArticle { get; init; } = 100;

    /// <summary>Highest-weighted features per article used to find candidate pairs. Default 24.</summary>
    public int KeyFeatures { get; init; } = 24;

    /// <summary>Key features shared before a pair is compared at all. Default 2.</summary>
    public int MinSharedKeys { get; init; } = 2;

    /// <summary>Key features held by more articles than this are too common to propose candidates. Default 500.</summary>
    public int MaxPostingLength { get; init; } = 500;

    /// <summary>Candidates compared per article (those sharing most key features). Default 40.</summary>
    public int MaxCandidates { get; init; } = 40;

    /// <summary>Below this cluster-size product, average linkage compares every pair exactly. Default 400.</summary>
    public int ExactLinkagePairs { get; init; } = 400;

    public static StoryClusterOptions Default { get; } = new();
}
