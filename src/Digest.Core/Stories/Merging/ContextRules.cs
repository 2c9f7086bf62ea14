namespace Digest.Core.Stories.Merging;

/// <summary>
/// Whether a sentence can stand in a summary without the sentences that came before it in its article: it must not
/// open with a connective ("However", "Meanwhile", "In the next shot"), a pronoun, or a demonstrative whose noun the
/// summary has not introduced ("This visit" is fine after a sentence about the visit); its quotation marks must
/// pair up by position (a sentence cut out of a longer quotation is a fragment) and someone's words need their
/// speaker in the sentence (<see cref="Attribution"/>).
/// </summary>
internal static partial class ContextRules
{
    /// <summary>Single words that point back to something earlier when they open a sentence.</summary>
    private static readonly HashSet<string> Connectives = new(StringComparer.OrdinalIgnoreCase)
    {
        "but", "and", "or", "so", "yet", "however", "meanwhile", "still", "also", "moreover", "furthermore", "besides",
        "nevertheless", "nonetheless", "instead", "otherwise", "then", "thus", "therefore", "hence", "likewise",
        "similarly", "again", "afterward", "afterwards", "later", "indeed",
        "consequently", "accordingly", "additionally", "regardless", "anyway", "plus", "too", "now", "separately",
    };

    /// <summary>Openings of two or more words with the same effect.</summary>
    private static readonly string[] Phrases =
    [
        "in addition", "as a result", "on the other hand", "at the same time", "in the meantime", "even so", "in fact",
        "in turn", "by contrast", "in contrast", "after that", "before that", "that tracks", "that said", "that's why",
        "that is why", "which is why", "for that reason", "in the next", "in the last", "in the first", "in the second",
        "the next", "the latter", "the former", "the same", "the other", "the two", "the three", "both of", "all three",
        "all of them", "none of", "one of them", "some of them", "on top of that", "not only that", "what's more",
        "for his part", "for her part", "for their part", "to be sure", "of course", "as well",
    ];

    /// <summary>Pronouns whose referent is always in an earlier sentence.</summary>
    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "it", "they", "him", "her", "them", "his", "hers", "its", "their", "theirs", "we", "us", "our",
        "i", "my", "you", "your", "it's", "he's", "she's", "they're", "they've", "he'd", "she'd", "here", "such", "another", "others", "both", "either", "neither",
    };

    /// <summary>Demonstratives: fine when the noun after them is already in the summary.</summary>
    private static readonly HashSet<string> Demonstratives = new(StringComparer.OrdinalIgnoreCase) { "this", "that", "these", "those" };

    /// <summary>"..., he said" / "she told reporters": a quotation attributed to a pronoun needs the sentence naming the speaker.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(he|she|they)\s+(said|says|added|adds|told|tells|wrote|writes|asked|explained|continued|noted|argued|declared|insisted|recalled)\b|\b(said|says|added|told|wrote|asked|declared)\s+(he|she|they)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PronounAttribution();

    /// <summary>True when <paramref name="sentence"/> needs context that <paramref name="before"/> (the summary so far) does not give.</summary>
    public static bool NeedsContext(string sentence, IReadOnlyCollection<string>? before = null)
    {
        if (!Quotes.Pairable(sentence) || !Attribution.Attributed(sentence) || PronounAttribution().IsMatch(sentence) || IsBareQuotation(sentence)) return true;
        var words = Words(sentence);
        if (words.Count == 0) return true;
        var first = words[0].Split('\'')[0]; // "I'm", "We've", "It's": the pronoun
        if (Connectives.Contains(first) || Pronouns.Contains(first)) return true;
        var opening = string.Join(' ', words.Take(5)).ToLowerInvariant();
        if (Phrases.Any(p => opening == p || opening.StartsWith(p + " ", StringComparison.Ordinal))) return true;
        if (Demonstratives.Contains(first))
        {
            // "This visit ..." needs "visit" (or its stem) in the summary; "This is ..." / "That tracks" never resolve.
            if (words.Count < 2 || before is null || before.Count == 0) return true;
            var noun = Stem(words[1]);
            return !before.SelectMany(Words).Any(w => Stem(w) == noun);
        }

        return false;
    }

    /// <summary>A sentence that is all quotation, with no speaker named outside the marks.</summary>
    private static bool IsBareQuotation(string sentence)
    {
        var t = sentence.Trim();
        return t.Length > 2 && t[0] is '"' or '\u201C' && t.TrimEnd('.', '!', '?', ' ')[^1] is '"' or '\u201D' && t.IndexOfAny(['"', '\u201C', '\u201D'], 1) >= t.TrimEnd('.', '!', '?', ' ').Length - 1;
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var raw in text.Split((char[])[' ', '\t', '\n', ',', ';', ':', '\u2014', '\u2013'], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim('"', '\'', '\u201C', '\u201D', '\u2018', '\u2019', '(', ')', '[', ']', '.', '!', '?').Replace('\u2019', '\'');
            if (word.Length > 0) words.Add(word.ToLowerInvariant());
        }

        return words;
    }

    private static string Stem(string word) => Text.PorterStemmer.Stem(word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word);
}
