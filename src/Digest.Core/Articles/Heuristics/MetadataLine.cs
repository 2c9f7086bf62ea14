using System.Text.RegularExpressions;

namespace Digest.Core.Articles.Heuristics;

/// <summary>The kinds of header line a plain-text article may open with.</summary>
internal enum MetadataField
{
    Title,
    Outlet,
    Byline,
    Url,
    Published,
    Language,
}

/// <summary>
/// The one table of metadata key names (front matter keys, plain-text header keys), so both formats read the same
/// spellings: a key either of them knew is known to both.
/// </summary>
internal static class MetadataKeys
{
    private static readonly Dictionary<string, MetadataField> Keys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = MetadataField.Title,
        ["headline"] = MetadataField.Title,
        ["source"] = MetadataField.Outlet,
        ["outlet"] = MetadataField.Outlet,
        ["publisher"] = MetadataField.Outlet,
        ["publication"] = MetadataField.Outlet,
        ["site"] = MetadataField.Outlet,
        ["site_name"] = MetadataField.Outlet,
        ["by"] = MetadataField.Byline,
        ["author"] = MetadataField.Byline,
        ["authors"] = MetadataField.Byline,
        ["byline"] = MetadataField.Byline,
        ["url"] = MetadataField.Url,
        ["link"] = MetadataField.Url,
        ["canonical"] = MetadataField.Url,
        ["canonical_url"] = MetadataField.Url,
        ["published"] = MetadataField.Published,
        ["date"] = MetadataField.Published,
        ["published_at"] = MetadataField.Published,
        ["publishedAt"] = MetadataField.Published,
        ["language"] = MetadataField.Language,
        ["lang"] = MetadataField.Language,
    };

    public static bool TryGet(string key, out MetadataField field) => Keys.TryGetValue(key, out field);
}

/// <summary>Header lines of a plain-text article: "Source: X", "Published: 2 Sep 2025", "By Jane Doe", "URL: ...".</summary>
internal static partial class MetadataLine
{
    public static bool TryParse(string line, out MetadataField field, out string value)
    {
        field = default;
        value = string.Empty;
        var keyed = KeyValue().Match(line);
        if (keyed.Success && MetadataKeys.TryGet(keyed.Groups["key"].Value, out field))
        {
            value = keyed.Groups["value"].Value.Trim();
            return value.Length > 0;
        }

        var byline = Byline().Match(line);
        if (byline.Success && byline.Groups["name"].Value.Split(' ').Length <= 10)
        {
            field = MetadataField.Byline;
            value = byline.Groups["name"].Value.Trim();
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z]{2,12})\s*:\s+(?<value>.{1,300})$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyValue();

    // "By Jane Doe", "By Jane Doe and John Roe", "By Jane Doe, Reuters": a capitalised name, few words, no sentence end.
    [GeneratedRegex(@"^By\s+(?<name>\p{Lu}[^.!?]{1,80}?(?:\s(?:Jr|Sr)\.)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Byline();
}
