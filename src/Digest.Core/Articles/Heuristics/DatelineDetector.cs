using System.Text.RegularExpressions;

namespace Digest.Core.Articles.Heuristics;

/// <summary>
/// Finds an outlet dateline at the start of a paragraph: "(The Post News)– North Korean...", "(Reuters) - ...",
/// "BEIJING (AP) — ...". A place-only dateline ("WASHINGTON — ...") names no outlet and is left in the text.
/// </summary>
internal static partial class DatelineDetector
{
    private static readonly HashSet<string> NotOutlets = new(StringComparer.OrdinalIgnoreCase)
    {
        "update", "updated", "video", "photo", "photos", "watch", "opinion", "analysis", "editorial", "live",
        "exclusive", "breaking", "file", "audio", "sponsored", "advertisement", "ad",
    };

    /// <summary>True when the paragraph opens with an outlet dateline.</summary>
    /// <param name="paragraph">One cleaned paragraph.</param>
    /// <param name="outlet">The outlet named in the parentheses.</param>
    /// <param name="rest">The paragraph without the dateline.</param>
    public static bool TryStrip(string paragraph, out string outlet, out string rest)
    {
        outlet = string.Empty;
        rest = paragraph;
        var match = Dateline().Match(paragraph);
        if (!match.Success)
        {
            return false;
        }

        var name = match.Groups["outlet"].Value.Trim();
        if (NotOutlets.Contains(name) || name.Split(' ').Length > 6 || !name.Any(char.IsLetter))
        {
            return false;
        }

        outlet = name;
        rest = paragraph[match.Length..].TrimStart();
        return rest.Length > 0;
    }

    // Optional upper-case place ("BEIJING", "NEW YORK,"), then "(Outlet)", then a dash of any kind, then the text.
    [GeneratedRegex(
        @"^(?:\p{Lu}[\p{Lu}\p{M} .,'’-]{1,40}\s*)?\((?<outlet>\p{Lu}[^()]{0,59})\)\s*[-–—]+\s*(?=\S)",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Dateline();
}
