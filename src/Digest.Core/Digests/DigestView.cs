using System.Globalization;
using Digest.Core.Delivery;
using Digest.Core.Stories;

namespace Digest.Core.Digests;

/// <summary>
/// What the templates see, as <c>digest</c> (Scriban's snake_case names: <c>digest.date_long</c>,
/// <c>story.headline</c>, <c>source.url</c>): display-ready values only. Every string here is plain text, encoded by
/// the HTML template's context whatever the template says; URLs are kept only when they are absolute http(s).
/// </summary>
internal sealed record DigestView(
    string Title,
    string Lang,
    string DateLong,
    string Preheader,
    string StoryCountText,
    string SourceCountText,
    string UnsubscribeUrl,
    IReadOnlyList<StoryView> Stories)
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    public static DigestView From(DigestDocument digest, string title)
    {
        var stories = digest.Stories.Select((s, i) => StoryView.From(s, i + 1)).ToArray();
        var sourceCount = digest.Stories.Sum(s => s.Sources.Count);
        var preheader = stories.Length == 0
            ? "No new stories today."
            : string.Join(" · ", stories.Take(3).Select(s => s.Headline));
        return new DigestView(
            title,
            "en",
            LongDate(digest.Day),
            Truncate(preheader, 140),
            Count(stories.Length, "story", "stories"),
            Count(sourceCount, "source", "sources"),
            EmailTags.UnsubscribeUrl,
            stories);
    }

    internal static string LongDate(DateOnly day) => day.ToString("dddd d MMMM yyyy", Culture);

    internal static string Count(int n, string one, string many) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);

    /// <summary>At most <paramref name="max"/> characters, ending in "…" when cut (subject, preheader).</summary>
    internal static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}

internal sealed record StoryView(
    int Number,
    string Headline,
    IReadOnlyList<string> Summary,
    bool Developing,
    string FirstSeenLong,
    string SourceCountText,
    IReadOnlyList<SourceView> Sources)
{
    public static StoryView From(Story story, int number) => new(
        number,
        story.Headline,
        story.Summary,
        story.Developing,
        DigestView.LongDate(story.FirstSeen),
        DigestView.Count(story.Sources.Count, "source", "sources"),
        story.Sources.Select(SourceView.From).ToArray());
}

/// <summary>A cited source: shown by its outlet when it names one, else by its own headline (never an invented outlet).</summary>
internal sealed record SourceView(string Label, string? Outlet, string Title, string? Url, IReadOnlyList<string> Additions)
{
    public static SourceView From(StorySource source) => new(
        source.Outlet ?? source.Title,
        source.Outlet,
        source.Title,
        SafeUrl(source.Url),
        source.Additions);

    /// <summary>Only absolute http and https links reach a template (no javascript:, data:, relative or mailto links).</summary>
    internal static string? SafeUrl(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url.AbsoluteUri
            : null;
}
