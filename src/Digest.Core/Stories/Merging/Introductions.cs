using System.Text.RegularExpressions;

namespace Digest.Core.Stories.Merging;

/// <summary>
/// People are introduced before they are referred to: a second reference ("Mr. Huckabee", "Dr. Ruiz", or a lone
/// surname that speaks: "Goelman said", "said Royce") stands only when the summary already wrote the name after a
/// first name or title ("Mike Huckabee", "President Trump"). Otherwise the article's own full name is written in
/// ("Mr. Huckabee" becomes "Mike Huckabee"); when the article has none, the sentence is not shown. A lone speaking
/// word counts as a person only when the article writes it after a first name (so "Google said" is left alone).
/// </summary>
internal static partial class Introductions
{
    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal) { "Mr", "Mrs", "Ms", "Miss", "Dr" };

    /// <summary>Titles that introduce a person with the surname alone ("President Trump", "Sen. Warner").</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "President", "Sen", "Senator", "Rep", "Representative", "Gov", "Governor", "Judge", "Justice", "Secretary", "Gen", "General",
        "Mayor", "Chairman", "Chairwoman", "Speaker", "Leader", "Minister", "Chancellor", "Lt", "Col", "Capt", "Sgt", "Adm", "Prof",
        "Rev", "Sheriff", "Detective", "Commissioner", "Ambassador", "King", "Queen", "Prince", "Pope",
    };

    /// <summary>Capitalised words before a surname that are neither a first name nor a title.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "But", "And", "When", "After", "Before", "If", "As", "For", "By", "With", "Vice", "Former",
        "Prime", "Chief", "Attorney", "Director", "Officer", "Republican", "Republicans", "Democrat", "Democrats", "Democratic", "GOP",
        "American", "State", "House", "Agent", "Coach", "While", "Then", "Now", "That", "This", "To", "From", "Of",
    };

    /// <summary>
    /// The sentence with its second references resolved against <paramref name="before"/> (the summary so far) and
    /// the full names of <paramref name="article"/> (its source's text), or null when one cannot be resolved. A lone
    /// speaking word that <paramref name="article"/> never gives a first name but another source of the story does
    /// (<paramref name="story"/>: every source's text) is a person this article does not introduce: not shown.
    /// </summary>
    public static string? Resolve(string sentence, IEnumerable<string> before, string article, string story = "")
    {
        var earlier = string.Join(" ", before);
        var text = sentence;
        foreach (var (match, name, person) in References(sentence))
        {
            var prefix = earlier + " " + text[..Math.Max(0, text.IndexOf(match, StringComparison.Ordinal))];
            if (FullNameOf(name, prefix) is not null) continue;
            var full = FullNameOf(name, article);
            if (full is null)
            {
                if (person || (story.Length > 0 && FullNameOf(name, story) is not null)) return null;
                continue; // a lone word the article never gives a first name: an organisation, not a person
            }

            text = ReplaceFirst(text, match, match.StartsWith("said ", StringComparison.Ordinal) || match.StartsWith("says ", StringComparison.Ordinal)
                ? match[..5] + full
                : full + match[(match.IndexOf(name, StringComparison.Ordinal) + name.Length)..]);
        }

        return text;
    }

    /// <summary>The second references of a sentence: the matched text, the surname, and whether it is surely a person (an honorific).</summary>
    private static IEnumerable<(string Match, string Name, bool Person)> References(string sentence)
    {
        foreach (Match m in Honorific().Matches(sentence)) yield return (m.Value, m.Groups["name"].Value, true);
        foreach (Match m in BareSpeaker().Matches(sentence)) yield return (m.Value, m.Groups["name"].Value, false);
    }

    /// <summary>
    /// How <paramref name="text"/> introduces the person called <paramref name="surname"/>: "Mike Huckabee" (first name,
    /// maybe a middle name or initial), else "President Trump" (a title), else null.
    /// </summary>
    internal static string? FullNameOf(string surname, string text)
    {
        string? titled = null;
        foreach (Match m in FullName(surname).Matches(text))
        {
            var first = m.Groups["first"].Value;
            if (m.Groups["dot"].Success || Titles.Contains(first))
            {
                if (Titles.Contains(first)) titled ??= m.Value;
                continue;
            }

            var middle = m.Groups["middle"].Value;
            if (Titles.Contains(middle)) titled ??= middle + " " + surname;
            if (!Honorifics.Contains(first) && !NotNames.Contains(first) && !Titles.Contains(middle) && !NotNames.Contains(middle)) return m.Value;

            // A role word before the first name ("Officer Dana Okonjo", "Coach Lena Verhoek"): the name is the rest.
            if (NotNames.Contains(first) && middle.Length > 1 && !middle.EndsWith('.') && !Titles.Contains(middle) && !NotNames.Contains(middle) && !Honorifics.Contains(middle))
            {
                return middle + " " + surname;
            }
        }

        return titled;
    }

    private static Regex FullName(string surname) => new(
        @"\b(?<first>\p{Lu}[\p{Ll}'’-]+)(?:(?<dot>\.)| (?<middle>\p{Lu}\.|\p{Lu}[\p{Ll}]+))? " + Regex.Escape(surname) + @"\b",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static string ReplaceFirst(string text, string match, string replacement)
    {
        var at = text.IndexOf(match, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + replacement + text[(at + match.Length)..];
    }

    [GeneratedRegex(@"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(?<name>\p{Lu}[\p{L}'’-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Honorific();

    // A lone capitalised word (no capitalised word or initial just before it) that speaks, or "said X" at a clause end.
    [GeneratedRegex(@"(?<!\p{Lu}[\p{L}.'’-]*\s)(?<![\p{L}.]\s\p{Lu}\.\s)\b(?<name>\p{Lu}[\p{Ll}'’-]+)\s+(?:said|says|told|added|wrote|writes|asked|testified|tweeted|explained|noted|argued|would not|declined|did not)\b|\b(?:said|says)\s(?<name>\p{Lu}[\p{Ll}'’-]+)\b(?!\s+\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex BareSpeaker();
}
