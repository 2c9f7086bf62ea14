namespace Digest.Core.Stories;

/// <summary>One news event, merged from every article that reports it.</summary>
/// <param name="Id">Stable story id (kept across days while the story develops).</param>
/// <param name="Headline">The source title closest to the story's centre among the most neutral ones (not a question, exclamation, quotation or loaded wording when another title is not).</param>
/// <param name="Summary">Up to 3 source sentences, at most 60 words: first the event most sources agree on, then the next most corroborated facts; none repeats another or needs context it lacks.</param>
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
