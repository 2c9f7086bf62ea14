namespace Digest.Core.Stories;

/// <summary>One news event, merged from every article that reports it.</summary>
/// <param name="Id">Stable story id (kept across days while the story develops).</param>
/// <param name="Headline">The most representative headline among the sources.</param>
/// <param name="Summary">2-4 sentences drawn from the sources, near-duplicates removed.</param>
/// <param name="Sources">Every article merged into the story, cited.</param>
/// <param name="FirstSeen">Day the story first appeared in a digest.</param>
/// <param name="Developing">True when the story continues one reported on an earlier day.</param>
/// <param name="LatestPublished">Newest publication time among the sources, for ranking.</param>
public sealed record Story(
    string Id,
    string Headline,
    IReadOnlyList<string> Summary,
    IReadOnlyList<StorySource> Sources,
    DateOnly FirstSeen,
    bool Developing,
    DateTimeOffset? LatestPublished);
