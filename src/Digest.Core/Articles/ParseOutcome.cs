namespace Digest.Core.Articles;

/// <summary>What <see cref="ParseArticleJob"/> did with one uploaded blob.</summary>
/// <param name="BlobName">The upload.</param>
/// <param name="Kind">Parsed, quarantined, already handled, or gone.</param>
/// <param name="Day">Day the article was filed under (parsed/&lt;day&gt;/).</param>
/// <param name="ArticleId">The article id when parsed.</param>
/// <param name="Reason">Rejection reason when quarantined.</param>
/// <param name="Diagnostics">Parser diagnostics.</param>
public sealed record ParseOutcome(string BlobName, ParseOutcomeKind Kind, DateOnly Day, string? ArticleId, string? Reason, IReadOnlyList<ParseDiagnostic> Diagnostics);

public enum ParseOutcomeKind
{
    Parsed,
    Quarantined,
    AlreadyProcessed,
    Missing,

    /// <summary>Another host holds an unexpired claim on this version and is parsing it: try again later.</summary>
    InProgress,
}
