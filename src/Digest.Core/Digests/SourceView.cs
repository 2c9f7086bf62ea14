using Digest.Core.Stories;

namespace Digest.Core.Digests;

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
