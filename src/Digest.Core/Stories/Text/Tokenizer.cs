namespace Digest.Core.Stories.Text;

/// <summary>
/// Splits English text into word and number tokens. Letters and digits form tokens; an apostrophe inside a word is
/// kept out ("Kim's" -> "kim"), dots between single letters make one abbreviation ("U.S." -> "us"), digits keep
/// their inner separators ("3.5", "1,200" -> "1200"). Hyphens split ("armored-train" -> "armored", "train").
/// </summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(Math.Max(16, text.Length / 6));
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>
    /// Appends the tokens of <paramref name="text"/>. With a <paramref name="pool"/> (one per thread), equal tokens
    /// share one string instead of allocating each time: what keeps featurising a large batch cheap.
    /// </summary>
    public static void Tokenize(string text, List<Token> tokens, Dictionary<string, string>? pool = null)
    {
        var sentenceStart = true;
        var joined = false;
        var buffer = new char[64];
        var length = 0;
        var i = 0;
        var n = text.Length;
        while (i < n)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (c is '.' or '!' or '?' or '\n' or ':' or ';')
                {
                    sentenceStart = sentenceStart || c is not ':' and not ';';
                    joined = false;
                }
                else if (!char.IsWhiteSpace(c))
                {
                    joined = false;
                }

                i++;
                continue;
            }

            var start = i;
            var capitalized = char.IsUpper(c);
            var hasDigit = false;
            length = 0;
            while (i < n)
            {
                c = text[i];
                if (char.IsLetterOrDigit(c))
                {
                    hasDigit |= char.IsDigit(c);
                    Append(ref buffer, ref length, char.ToLowerInvariant(c));
                    i++;
                }
                else if ((c is '\'' or '\u2019') && i + 1 < n && char.IsLetter(text[i + 1]))
                {
                    // Possessive or contraction: keep the stem, skip the tail ("Kim's" -> "kim", "don't" -> "don").
                    i++;
                    while (i < n && char.IsLetter(text[i])) i++;
                    break;
                }
                else if (c is '.' or ',' && hasDigit && i + 1 < n && char.IsDigit(text[i + 1]))
                {
                    if (c == '.') Append(ref buffer, ref length, '.');
                    i++;
                }
                else if (c == '.' && i - start == 1 && !hasDigit && i + 2 < n && char.IsLetter(text[i + 1]) && text[i + 2] == '.')
                {
                    // Abbreviation such as U.S. or U.N.: swallow the dots.
                    i++;
                    start = i;
                }
                else
                {
                    break;
                }
            }

            // An abbreviation's closing dot ("U.S.") does not end a sentence by itself.
            if (length > 1 && i < n && text[i] == '.' && i >= 2 && text[i - 2] == '.')
            {
                i++;
            }

            tokens.Add(new Token(Text(buffer.AsSpan(0, length), pool), capitalized, hasDigit, sentenceStart, joined));
            sentenceStart = false;
            joined = true;
        }
    }

    private static void Append(ref char[] buffer, ref int length, char c)
    {
        if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        buffer[length++] = c;
    }

    private static string Text(ReadOnlySpan<char> span, Dictionary<string, string>? pool)
    {
        if (pool is null)
        {
            return span.ToString();
        }

        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(span, out var text))
        {
            text = span.ToString();
            pool.Add(text, text);
        }

        return text;
    }
}
