using System.Globalization;
using Digest.Core.Articles.Building;

namespace Digest.Core.Articles.Heuristics;

/// <summary>Reads publication dates as editors write them: ISO 8601, RFC 1123, "2 September 2025", "September 2, 2025".</summary>
internal static class DateParser
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyyMMdd",
        "d MMMM yyyy", "d MMM yyyy", "MMMM d, yyyy", "MMM d, yyyy", "MMMM d yyyy", "dddd, MMMM d, yyyy", "dddd, d MMMM yyyy",
    ];

    /// <summary>A date without a time or offset is taken as midnight UTC.</summary>
    public static DateTimeOffset? Parse(string? text, DiagnosticBag diagnostics)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParseExact(value, Formats, CultureInfo.InvariantCulture, styles, out var exact)
            || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, styles, out exact))
        {
            return exact;
        }

        diagnostics.Warning("invalid-date", $"\"{ArticleBuilder.Shorten(value)}\" is not a date this parser reads; the publication date was left empty.");
        return null;
    }
}
