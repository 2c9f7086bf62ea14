using Digest.Core.Stories;

namespace Digest.Core.Digests;

/// <summary>The composed daily digest: ranked stories with their sources.</summary>
/// <param name="Id">"digest-YYYY-MM-DD".</param>
/// <param name="Day">The digest day (in the configured time zone).</param>
/// <param name="GeneratedAt">When it was composed.</param>
/// <param name="ArticleCount">How many articles went into it.</param>
/// <param name="Stories">Ranked by importance (<see cref="StoryRanking"/>): distinct outlets, then most recent.</param>
/// <param name="OmittedStories">Stories past <see cref="DigestOptions.MaxStories"/>, counted so the digest says so.</param>
public sealed record DigestDocument(
    string Id,
    DateOnly Day,
    DateTimeOffset GeneratedAt,
    int ArticleCount,
    IReadOnlyList<Story> Stories,
    int OmittedStories = 0)
{
    /// <summary>
    /// Articles filed under the day but published more than Digest:MaxArticleAgeDays before it, left out of the stories,
    /// each with the reason; null when there were none.
    /// </summary>
    public IReadOnlyList<Articles.Rejection>? Stale { get; init; }

    public static string IdFor(DateOnly day) => $"digest-{day:yyyy-MM-dd}";
}
