namespace Digest.Core.Stories.Merging;

/// <summary>What the merger makes of a group of articles.</summary>
/// <param name="Headline">The most central of the most neutral source titles.</param>
/// <param name="Summary">1-3 sentences, at most 60 words, the most corroborated fact first.</param>
/// <param name="Additions">Per article (same order as the input), the one fact only it reports, or null.</param>
internal sealed record MergedContent(string Headline, IReadOnlyList<string> Summary, IReadOnlyList<string?> Additions);
