using Digest.Core.Digests;
using Digest.Core.Stories;

namespace Digest.Core.Tests.Digests;

/// <summary>Small hand-written digests for renderer and job tests.</summary>
internal static class DigestFixtures
{
    public static readonly DateOnly Day = new(2025, 9, 2);

    public static Story Story(string headline, int sources = 2, bool developing = false, string? url = "https://example.com/a") => new(
        "story-" + Math.Abs(headline.GetHashCode(StringComparison.Ordinal)),
        headline,
        ["First summary sentence.", "Second summary sentence."],
        Enumerable.Range(1, sources).Select(i => new StorySource(
            $"a{i}",
            i == 1 ? "The Post News" : null,
            $"{headline} (version {i})",
            url is null ? null : new Uri(url + i),
            null,
            i == 1 ? ["An extra fact only this source has."] : [])).ToArray(),
        developing ? Day.AddDays(-1) : Day,
        developing,
        null);

    public static DigestDocument Digest(params Story[] stories) => new(DigestDocument.IdFor(Day), Day, new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero), stories.Sum(s => s.Sources.Count), stories);
}
