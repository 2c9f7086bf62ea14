namespace Digest.Core.Stories.Persistence;

/// <summary>A story's contribution from one digest day. Re-running that day replaces it (idempotent).</summary>
/// <param name="Day">Digest day.</param>
/// <param name="ArticleIds">Articles of that day merged into the story.</param>
/// <param name="Terms">Signature: strongest stems with their centroid weights.</param>
/// <param name="Entities">Signature: strongest names and numbers with their centroid weights.</param>
public sealed record StoryDayRecord(
    DateOnly Day,
    IReadOnlyList<string> ArticleIds,
    IReadOnlyDictionary<string, float> Terms,
    IReadOnlyDictionary<string, float> Entities);
