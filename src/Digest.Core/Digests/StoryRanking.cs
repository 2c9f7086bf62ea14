using Digest.Core.Stories;

namespace Digest.Core.Digests;

/// <summary>
/// Orders a day's stories by importance: how many distinct outlets cover it (a developing story that gained new
/// sources today counts one more, so it moves up past stories of equal coverage), then the most recent report, then
/// headline and id so equal stories keep one stable order.
/// </summary>
internal static class StoryRanking
{
    public static IEnumerable<Story> Rank(IEnumerable<Story> stories) => stories
        .OrderByDescending(Importance)
        .ThenByDescending(s => s.LatestPublished ?? DateTimeOffset.MinValue)
        .ThenBy(s => s.Headline, StringComparer.Ordinal)
        .ThenBy(s => s.Id, StringComparer.Ordinal);

    /// <summary>Distinct outlets, plus one for a developing story with new sources today.</summary>
    public static int Importance(Story story) => OutletCount(story.Sources) + (story.Developing && story.Sources.Count > 0 ? 1 : 0);

    /// <summary>
    /// How many distinct outlets the sources come from: by outlet name (case-insensitive), else the link's host
    /// without "www.", else each unnamed article counts as its own outlet.
    /// </summary>
    public static int OutletCount(IEnumerable<StorySource> sources) =>
        sources.Select(s => OutletName(s) ?? "\0" + s.ArticleId).Distinct(StringComparer.OrdinalIgnoreCase).Count();

    /// <summary>The named outlets among the sources, distinct, in order of first appearance.</summary>
    public static IReadOnlyList<string> OutletNames(IEnumerable<StorySource> sources) =>
        sources.Select(OutletName).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>The outlet's display name (<see cref="Stories.OutletName"/>: named, else from the link's host), else null.</summary>
    public static string? OutletName(StorySource source) => Stories.OutletName.Of(source.Outlet, source.Url);
}
