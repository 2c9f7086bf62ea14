namespace Digest.Core.Stories.Merging;

/// <summary>What the merger makes of a group of articles.</summary>
/// <param name="Headline">The title closest to the group's centroid.</param>
/// <param name="Summary">2-4 sentences across sources, no two saying the same thing.</param>
/// <param name="Additions">Per article (same order as the input), up to two sentences with facts only it reports.</param>
internal sealed record MergedContent(string Headline, IReadOnlyList<string> Summary, IReadOnlyList<IReadOnlyList<string>> Additions);
