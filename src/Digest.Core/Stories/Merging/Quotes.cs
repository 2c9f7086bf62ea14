using Digest.Core.Stories.Text;

namespace Digest.Core.Stories.Merging;

/// <summary>Typographic double quotes for a sentence whose marks pair up by position (<see cref="QuotationMarks"/>): each opening mark becomes “, each closing one ”.</summary>
internal static class Quotes
{
    public static bool Pairable(string sentence) => QuotationMarks.Pair(sentence) is not null;

    public static string Normalize(string sentence)
    {
        if (QuotationMarks.Pair(sentence) is not { } marks) return sentence;
        var chars = sentence.ToCharArray();
        foreach (var (index, opens) in marks) chars[index] = opens ? '\u201C' : '\u201D';
        return new string(chars);
    }
}
