namespace Digest.Core.Stories.Text;

/// <summary>
/// Splits a paragraph into sentences. A sentence ends at '.', '!' or '?' (plus any closing quotes or brackets)
/// followed by white space and then an upper-case letter, a digit or an opening quote; not after a known
/// abbreviation ("Mr.", "Gen.", "Jan."), a single initial ("J. Smith") or a dotted acronym followed by a
/// lower-case word ("the U.S. said"), and never inside a quotation ("“We are done. It is over,” she said." is one
/// sentence; marks paired by position, <see cref="QuotationMarks"/>; a paragraph whose marks do not pair is split as
/// if it had none, and its fragments are left for the merger to reject).
/// </summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt",
        "maj", "adm", "cmdr", "pres", "supt", "rev", "hon", "atty", "inc", "corp", "co", "ltd", "vs", "etc", "no",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ave", "blvd", "mt", "ft",
        "approx", "dept", "est", "fig", "vol", "ph",
    };

    public static IReadOnlyList<string> Split(string paragraph)
    {
        var sentences = new List<string>();
        var text = paragraph.Trim();
        var start = 0;
        var marks = QuotationMarks.Pair(text) ?? [];
        var mark = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            while (mark < marks.Count && marks[mark].Index <= i) quoted = marks[mark++].Opens;

            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && text[end] is '.' or '!' or '?' or '"' or '\'' or '\u201D' or '\u2019' or ')' or ']')
            {
                end++;
            }

            if (end >= text.Length || !char.IsWhiteSpace(text[end]))
            {
                continue;
            }

            // "… it is over,” she said" / "“It is over. We are done”": the span up to the break must leave no quotation open.
            var openAtEnd = quoted;
            for (var m = mark; m < marks.Count && marks[m].Index < end; m++) openAtEnd = marks[m].Opens;
            if (openAtEnd)
            {
                continue;
            }

            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
            if (next >= text.Length)
            {
                break;
            }

            var n = text[next];
            var startsSentence = char.IsUpper(n) || char.IsDigit(n) || n is '"' or '\u201C' or '\'' or '\u2018' or '(' or '[';
            if (!startsSentence || (c == '.' && IsAbbreviation(text, i)))
            {
                continue;
            }

            Add(sentences, text[start..end]);
            start = next;
            i = next - 1;
        }

        Add(sentences, text[start..]);
        return sentences;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.')) wordStart--;
        var word = text[wordStart..dot];
        if (word.Length == 0)
        {
            return false;
        }

        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true; // An initial: "George W. Bush".
        }

        if (word.Contains('.'))
        {
            // A short dotted acronym (U.S., U.N.) is usually followed by a name ("U.S. Army"): do not split. The rare
            // sentence that ends with one runs on into the next, the cheaper mistake for a summary.
            return word.Length <= 4;
        }

        return Abbreviations.Contains(word);
    }

    private static void Add(List<string> sentences, string sentence)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0)
        {
            sentences.Add(trimmed);
        }
    }
}
