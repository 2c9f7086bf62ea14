namespace Digest.Core.Stories.Merging;

/// <summary>Typographic double quotes for a sentence whose marks pair up: straight or mis-turned marks become “ and ” in turn.</summary>
internal static class Quotes
{
    public static string Normalize(string sentence)
    {
        if (!ContextRules.QuotesBalanced(sentence)) return sentence;
        var chars = sentence.ToCharArray();
        var k = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB')
            {
                chars[i] = k++ % 2 == 0 ? '\u201C' : '\u201D';
            }
        }

        return new string(chars);
    }
}
