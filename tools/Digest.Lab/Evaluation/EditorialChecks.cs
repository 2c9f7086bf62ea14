using System.Text.RegularExpressions;

namespace Digest.Lab.Evaluation;

/// <summary>
/// The editor's checks of `digest-lab eval --stories`, written apart from the merger's rules (own patterns and word
/// lists; no call into Digest.Core.Stories.Merging), so that a zero measures the output rather than the rule.
/// </summary>
internal static partial class EditorialChecks
{
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "that", "this", "with", "from", "have", "will", "after", "over", "about", "into", "what", "when", "says", "said", "their", "they",
        "were", "been", "more", "than", "would", "could", "again", "also", "just", "amid", "before",
    };

    /// <summary>Capitalised words before a name that do not make it a person's (the checker's own short list).</summary>
    private static readonly HashSet<string> NotFirstNames = new(StringComparer.Ordinal) { "The", "State", "City", "County", "Federal", "National", "Local", "Capitol", "Mr", "Mrs", "Ms", "Dr", "In", "But", "And" };

    /// <summary>Plural and institutional speakers that are never one person's surname.</summary>
    private static readonly HashSet<string> Institutions = new(StringComparer.Ordinal) { "Police", "Officials", "Authorities", "Prosecutors", "Investigators", "Witnesses", "Residents", "Democrats", "Republicans", "Officers", "Doctors", "Analysts", "Experts", "Critics", "Sources" };

    /// <summary>A quotation cut out of a longer one: the source has an odd number of double quotation marks before the sentence in its paragraph.</summary>
    public static bool CutFromQuotation(string sentence, IEnumerable<string> paragraphs)
    {
        var key = Plain(sentence)[..Math.Min(40, sentence.Length)];
        foreach (var p in paragraphs)
        {
            var plain = Plain(p);
            var at = plain.IndexOf(key, StringComparison.Ordinal);
            if (at >= 0) return plain[..at].Count(c => c == '"') % 2 == 1;
        }

        return false;
    }

    /// <summary>Marks that do not alternate “ then ”, or a mark glued the wrong way (“ after a letter, ” before a letter).</summary>
    public static bool Flipped(string sentence)
    {
        var marks = sentence.Where(c => c is '"' or '\u201C' or '\u201D').ToArray();
        if (marks.Contains('"') || marks.Length % 2 == 1) return true;
        for (var i = 0; i < marks.Length; i++)
        {
            if (marks[i] != (i % 2 == 0 ? '\u201C' : '\u201D')) return true;
        }

        return GluedWrongWay().IsMatch(sentence);
    }

    /// <summary>A quotation (4+ words in marks) or first-person words outside marks, without a speech verb outside them.</summary>
    public static bool Speakerless(string sentence)
    {
        var quotes = Quotation().Matches(sentence);
        var outside = Quotation().Replace(sentence, " ");
        var quoted = quotes.Any(q => q.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4);
        var firstPerson = FirstPersonWord().IsMatch(outside);
        return (quoted || firstPerson) && !Speech().IsMatch(outside);
    }

    /// <summary>
    /// Second references never introduced: "Mr./Mrs./Ms./Dr. X", or a lone capitalised "X said/told" when the sources
    /// name a person X with a first name, and neither the headline, the earlier sentences nor the sentence before it
    /// write X after another capitalised word other than an honorific.
    /// </summary>
    public static int Unintroduced(string sentence, string earlier, string sources)
    {
        var count = 0;
        foreach (Match m in HonorificName().Matches(sentence))
        {
            if (!Introduced(m.Groups[1].Value, earlier + " " + sentence[..m.Index])) count++;
        }

        foreach (Match m in LoneSpeaker().Matches(sentence))
        {
            var name = m.Groups[1].Value;
            if (Institutions.Contains(name)) continue;
            if (Regex.Matches(sources, @"\b([A-Z][a-z]+) (?:[A-Z]\. )?" + Regex.Escape(name) + @"\b").Any(f => !NotFirstNames.Contains(f.Groups[1].Value)) && !Introduced(name, earlier + " " + sentence[..m.Index])) count++;
        }

        return count;
    }

    private static bool Introduced(string name, string before) =>
        Regex.Matches(before, @"\b([A-Z][A-Za-z]+)\.? (?:[A-Z]\. )?" + Regex.Escape(name) + @"\b").Any(m => m.Groups[1].Value is not ("Mr" or "Mrs" or "Ms" or "Dr" or "Miss"));

    /// <summary>A dateline anywhere: "WASHINGTON —", "BERKELEY HEIGHTS, N.J. —", "DANVILLE, Ky. –-", "(AP) —".</summary>
    public static bool HasDateline(string sentence) => Dateline().IsMatch(sentence);

    /// <summary>Word-set Jaccard (lower case, letters and digits).</summary>
    public static double Jaccard(string a, string b)
    {
        var x = WordSet(a);
        var y = WordSet(b);
        if (x.Count == 0 || y.Count == 0) return 0;
        var shared = x.Count(y.Contains);
        return (double)shared / (x.Count + y.Count - shared);
    }

    /// <summary>Headline and lead share no word of 4+ letters (compared by their first 5 letters) outside a short common list.</summary>
    public static bool Disagree(string headline, string lead)
    {
        static HashSet<string> Keys(string t) => WordSet(t).Where(w => w.Length >= 4 && !Common.Contains(w)).Select(w => w.Length > 5 ? w[..5] : w).ToHashSet();
        return !Keys(headline).Overlaps(Keys(lead));
    }

    private static HashSet<string> WordSet(string text) => Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static string Plain(string text) => text.Replace('\u201C', '"').Replace('\u201D', '"');

    [GeneratedRegex(@"[\p{L}]\u201C|\u201D[\p{L}\d]")]
    private static partial Regex GluedWrongWay();

    [GeneratedRegex("[\"\u201C][^\"\u201C\u201D]*[\"\u201D]")]
    private static partial Regex Quotation();

    [GeneratedRegex(@"\b(?:I|me|my|we|We|our|Our|us)\b")]
    private static partial Regex FirstPersonWord();

    [GeneratedRegex(@"\b(?:said|says|say|told|tells|wrote|writes|added|asked|according to|tweeted|stated|declared|explained|testified|announced|noted|argued|warned|insisted|replied|responded|vowed|promised|claimed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Speech();

    [GeneratedRegex(@"\b(?:Mr|Mrs|Ms|Dr|Miss)\.? ([A-Z][A-Za-z'-]+)")]
    private static partial Regex HonorificName();

    [GeneratedRegex(@"(?:^|(?<![A-Za-z.])[a-z]+[,;]? )([A-Z][a-z]+) (?:said|says|told|added|wrote|asked)\b")]
    private static partial Regex LoneSpeaker();

    [GeneratedRegex(@"(?:\b[A-Z]{3,}(?: [A-Z]{2,})*(?:, [A-Z][A-Za-z.]{1,11})?\s*(?:\([^)]{1,30}\))?|\([A-Z][A-Za-z ]{1,30}\))\s*(?:\u2014|\u2013|--)")]
    private static partial Regex Dateline();

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex Word();
}
