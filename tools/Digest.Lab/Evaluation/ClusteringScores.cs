namespace Digest.Lab.Evaluation;

/// <summary>How a predicted clustering compares with the gold one.</summary>
/// <param name="Articles">Items scored.</param>
/// <param name="GoldClusters">Distinct gold clusters.</param>
/// <param name="PredictedClusters">Distinct predicted clusters.</param>
/// <param name="Pairwise">Over unordered pairs placed together (the news-stream clustering "standard F1").</param>
/// <param name="BCubed">Per-item precision and recall, averaged over items (Bagga and Baldwin, 1998).</param>
public sealed record ClusteringScores(int Articles, int GoldClusters, int PredictedClusters, PrecisionRecall Pairwise, PrecisionRecall BCubed);
