namespace Digest.Core.Stories.Persistence;

/// <summary>One recent story in the index.</summary>
/// <param name="Id">Story id, reused while it develops.</param>
/// <param name="Headline">Latest headline (for people reading the index).</param>
/// <param name="Days">What each digest day contributed, oldest first; FirstSeen is the first of them.</param>
public sealed record StoryIndexEntry(string Id, string Headline, IReadOnlyList<StoryDayRecord> Days);
