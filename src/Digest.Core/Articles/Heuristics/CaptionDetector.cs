using System.Text.RegularExpressions;

namespace Digest.Core.Articles.Heuristics;

/// <summary>
/// Recognises image captions by their credit: "... Image: Outlet.", "... Photo: Name", "... (Photo: Agency)",
/// "... (Photo by Name/Agency)", "... | Credit: X". The credit is an IMAGE credit: it never names the article's outlet.
/// </summary>
internal static partial class CaptionDetector
{
    /// <summary>The longest line still taken for a caption; longer lines are body text that happens to cite a photo.</summary>
    public const int MaxCaptionLength = 400;

    /// <summary>True when the line ends with an image credit.</summary>
    /// <param name="line">One cleaned line.</param>
    /// <param name="description">The caption without its credit and trailing punctuation (may be empty).</param>
    /// <param name="credit">The credited name.</param>
    public static bool TrySplit(string line, out string description, out string credit)
    {
        description = string.Empty;
        credit = string.Empty;
        if (line.Length > MaxCaptionLength)
        {
            return false;
        }

        var match = Credit().Match(line);
        if (!match.Success)
        {
            return false;
        }

        credit = match.Groups["credit"].Value.Trim().TrimEnd('.').Trim();
        description = line[..match.Index].Trim().TrimEnd('.', '|', '-', '–', '—', ',', ';', ':').Trim();
        return credit.Length > 0;
    }

    public static bool IsCaption(string line) => TrySplit(line, out _, out _);

    // A capitalised keyword (Image, Photo, Photograph, Picture, Credit, Illustration, Video, ...), then ':' or 'by',
    // then a short credit that starts like a name (capital or digit), optionally in parentheses or brackets, ending
    // the line. Capitals matter: "the full picture: markets fell." is prose, "Picture: Reuters" is a credit.
    [GeneratedRegex(
        @"(?:^|[\s.,;|–—-])[(\[]?\s*(?:Image|Images|Photo|Photos|Photograph|Picture|Pic|Illustration|Video|Credit|Image\s+credit|Photo\s+credit|Image\s+Credit|Photo\s+Credit)\s*(?::|\s+by\b)\s*(?<credit>[\p{Lu}\d][^()\[\]:]{0,79}?)\s*[)\]]?\s*\.?\s*$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Credit();
}
