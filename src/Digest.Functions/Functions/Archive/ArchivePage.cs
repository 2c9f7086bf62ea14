using System.Globalization;
using Digest.Core.Storage;

namespace Digest.Functions.Functions.Archive;

/// <summary>
/// The archive's pages, and only those: /digests/index.html (the index of past digests) and
/// /digests/&lt;yyyy-MM-dd&gt;/index.html (a day's web edition, no subscriber data). Anything else (another blob of the
/// digests container, such as digest.json, send plans or delivery ledgers; another container; dot segments, encoded
/// or not; a trailing newline) is not an archive page. Parsing is exact, not a pattern, so there is nothing to slip past.
/// </summary>
/// <param name="BlobName">The blob in <see cref="Containers.Digests"/>.</param>
/// <param name="Day">The digest day of a day's page; null for the index.</param>
internal sealed record ArchivePage(string BlobName, DateOnly? Day)
{
    /// <summary>The URL path prefix of the archive: /digests/.</summary>
    public const string PathPrefix = "/" + Containers.Digests + "/";

    /// <summary>The page a request path names, or null.</summary>
    public static ArchivePage? FromPath(string? path)
    {
        if (path is null || !path.StartsWith(PathPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = path[PathPrefix.Length..];
        if (name == Containers.ArchiveIndex)
        {
            return new ArchivePage(name, null);
        }

        const string DayFormat = "yyyy-MM-dd";
        return name.Length > DayFormat.Length
            && DateOnly.TryParseExact(name.AsSpan(0, DayFormat.Length), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && name == Containers.DigestPage(day)
                ? new ArchivePage(name, day)
                : null;
    }
}
