using System.Text.RegularExpressions;

namespace Digest.Core.Articles.Heuristics;

/// <summary>
/// Finds a dateline at the start of a paragraph and strips it: a dateline is article metadata, never text for a
/// summary. Outlet datelines: "(The Post News)– North Korean...", "(Reuters) - ...", "BEIJING (AP) — ...", "NEW YORK,
/// (City Wire) -- ..."; place datelines: "WASHINGTON — ...", "NEW YORK -- ...", "BERKELEY HEIGHTS, N.J. — ...",
/// "DANVILLE, Ky. –- ...". The place is in capitals (a sentence that opens "The council — ..." is not a dateline), the
/// region an abbreviation or a short name ("N.J.", "Ky.", "Calif.", "England"), the dash any dash or double hyphen.
/// </summary>
internal static partial class DatelineDetector
{
    private static readonly HashSet<string> NotOutlets = new(StringComparer.OrdinalIgnoreCase)
    {
        "update", "updated", "video", "photo", "photos", "watch", "opinion", "analysis", "editorial", "live",
        "exclusive", "breaking", "file", "audio", "sponsored", "advertisement", "ad",
    };

    /// <summary>True when the paragraph opens with a dateline, or is one ("MIAMI (WSVN) --" on a line of its own: rest is empty).</summary>
    /// <param name="paragraph">One cleaned paragraph.</param>
    /// <param name="outlet">The outlet named in the parentheses; empty for a place-only dateline.</param>
    /// <param name="rest">The paragraph without the dateline.</param>
    public static bool TryStrip(string paragraph, out string outlet, out string rest) =>
        TryStrip(paragraph, out outlet, out _, out rest);

    /// <inheritdoc cref="TryStrip(string, out string, out string)"/>
    /// <param name="place">A place-only dateline as written ("DANVILLE, Ky. –-"); empty for an outlet dateline.</param>
    public static bool TryStrip(string paragraph, out string outlet, out string place, out string rest)
    {
        outlet = string.Empty;
        place = string.Empty;
        rest = paragraph;
        var match = OutletDateline().Match(paragraph);
        if (match.Success)
        {
            var name = match.Groups["outlet"].Value.Trim();
            if (NotOutlets.Contains(name) || name.Split(' ').Length > 6 || !name.Any(char.IsLetter)) return false;
            outlet = name;
        }
        else
        {
            match = PlaceDateline().Match(paragraph);
            // A place of 3+ capital letters ("WASHINGTON", "NEW YORK"): "A —" or "I --" is text.
            if (!match.Success || match.Groups["place"].Value.Count(char.IsLetter) < 3) return false;
        }

        var text = paragraph[match.Length..].TrimStart();
        if (text.Length > 0 && (!match.Groups["outlet"].Success && !(char.IsUpper(text[0]) || char.IsDigit(text[0]) || text[0] is '"' or '\u201C')))
        {
            outlet = string.Empty;
            return false;
        }

        rest = text;
        if (!match.Groups["outlet"].Success) place = paragraph[..match.Length].Trim();
        return true;
    }

    // Optional place ("BEIJING", "NEW YORK,", "Denver"), then "(Outlet)", then a dash of any kind, then the text or the
    // end of the paragraph.
    [GeneratedRegex(
        @"^(?:\p{Lu}[\p{L}\p{M}\d .,'’-]{1,40}\s*)?\((?<outlet>\p{Lu}[^()]{0,59})\)\s*[-–—]+(?:\s*(?=\S)|\s*$)",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OutletDateline();

    // A place in capitals, an optional ", Region" ("N.J.", "Ky.", "Calif.", "New Mexico"), then an em or en dash
    // (maybe doubled or mixed with a hyphen: "–-"), "--", or a hyphen before a space.
    [GeneratedRegex(
        @"^(?<place>\p{Lu}[\p{Lu}\p{M}'’. -]{0,40}\p{Lu})(?:,\s*\p{Lu}[\p{L}.]{0,11}(?:\s\p{Lu}[\p{L}.]{0,11})?)?\s*(?:[–—][-–—]?|--|-[–—]?(?=\s|$))(?:\s*(?=\S)|\s*$)",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PlaceDateline();
}
