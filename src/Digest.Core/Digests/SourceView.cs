using Digest.Core.Stories;

namespace Digest.Core.Digests;

/// <summary>
/// A cited source: labelled by its outlet (named, or derived from its link by <see cref="OutletName"/>), else
/// "Unknown source"; its title is shown unless it is already the story's headline (an unknown source always shows
/// it, as the only way to tell it apart).
/// </summary>
internal sealed record SourceView(string Label, string Title, bool ShowTitle, string? Url, IReadOnlyList<string> Additions)
{
    public const string UnknownSource = "Unknown source";

    public static SourceView From(StorySource source, string headline)
    {
        var outlet = StoryRanking.OutletName(source);
        return new SourceView(
            outlet ?? UnknownSource,
            source.Title,
            outlet is null || !string.Equals(source.Title.Trim(), headline.Trim(), StringComparison.Ordinal),
            SafeUrl(source.Url),
            source.Additions);
    }

    /// <summary>Only absolute http and https links reach a template (no javascript:, data:, relative or mailto links).</summary>
    internal static string? SafeUrl(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url.AbsoluteUri
            : null;
}
