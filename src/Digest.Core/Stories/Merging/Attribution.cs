using System.Text.RegularExpressions;
using Digest.Core.Stories.Text;

namespace Digest.Core.Stories.Merging;

/// <summary>
/// Someone's words are shown only with their speaker: a sentence that quotes (four or more words inside quotation
/// marks) or speaks in the first person outside quotation marks ("I", "me", "my", "we", "our": a tweet, a statement
/// pasted in) needs a speech verb outside the marks in the same sentence ("…, Trump said", "according to the
/// ministry"). A sentence whose marks cannot be paired by position is never shown.
/// </summary>
internal static partial class Attribution
{
    /// <summary>Quoted spans shorter than this are scare quotes ("called it “fake news”"), not someone's statement.</summary>
    private const int QuotationWords = 4;

    public static bool Attributed(string sentence)
    {
        var outside = QuotationMarks.Outside(sentence);
        if (outside is null) return false;
        var speaks = Quoted(sentence) || FirstPerson().IsMatch(outside);
        return !speaks || SpeechVerb().IsMatch(outside);
    }

    /// <summary>True when some quotation in the sentence has at least <see cref="QuotationWords"/> words.</summary>
    private static bool Quoted(string sentence)
    {
        var marks = QuotationMarks.Pair(sentence) ?? [];
        for (var m = 0; m + 1 < marks.Count; m += 2)
        {
            var inside = sentence[(marks[m].Index + 1)..marks[m + 1].Index];
            if (inside.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= QuotationWords) return true;
        }

        return false;
    }

    [GeneratedRegex(@"\b(?:I|I'm|I've|I'd|I'll|me|my|mine|myself|[Ww]e|[Ww]e're|[Ww]e've|us|[Oo]ur|ours|ourselves)\b")]
    private static partial Regex FirstPerson();

    [GeneratedRegex(@"\b(?:said|says|say|told|tells|wrote|writes|added|adds|asked|asks|stated|states|declared|declares|tweeted|posted|explained|noted|argued|insisted|recalled|warned|announced|according to|testified|responded|replied|continued|acknowledged|admitted|claimed|conceded|countered|predicted|promised|vowed|urged|suggested|complained|joked|quipped|boasted|cautioned|emphasized|stressed|added)\b", RegexOptions.IgnoreCase)]
    internal static partial Regex SpeechVerb();
}
