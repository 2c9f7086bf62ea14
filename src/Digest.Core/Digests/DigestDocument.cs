using Digest.Core.Stories;

namespace Digest.Core.Digests;

/// <summary>The composed daily digest: ranked stories with their sources.</summary>
/// <param name="Id">"digest-YYYY-MM-DD".</param>
/// <param name="Day">The digest day (in the configured time zone).</param>
/// <param name="GeneratedAt">When it was composed.</param>
/// <param name="ArticleCount">How many articles went into it.</param>
/// <param name="Stories">Ranked: more sources first, then most recent.</param>
public sealed record DigestDocument(
    string Id,
    DateOnly Day,
    DateTimeOffset GeneratedAt,
    int ArticleCount,
    IReadOnlyList<Story> Stories)
{
    public static string IdFor(DateOnly day) => $"digest-{day:yyyy-MM-dd}";
}
