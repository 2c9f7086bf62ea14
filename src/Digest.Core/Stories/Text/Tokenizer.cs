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

    public static void Tokenize(string text, List<Token> tokens)
    {
        var sentenceStart = true;
        var joined = false;
        var buffer = new System.Text.StringBuilder(32);
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
            buffer.Clear();
            while (i < n)
            {
                c = text[i];
                if (char.IsLetterOrDigit(c))
                {
                    hasDigit |= char.IsDigit(c);
                    buffer.Append(char.ToLowerInvariant(c));
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
                    if (c == '.') buffer.Append('.');
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
            if (buffer.Length > 1 && i < n && text[i] == '.' && i >= 2 && text[i - 2] == '.')
            {
                i++;
            }

            tokens.Add(new Token(buffer.ToString(), capitalized, hasDigit, sentenceStart, joined));
            sentenceStart = false;
            joined = true;
        }
    }

    /// <summary>Normalised stem of a lower-case word: Porter stem for letters, the token itself for numbers.</summary>
    public static string StemOf(Token token) => token.IsNumber ? token.Lower : PorterStemmer.Stem(token.Lower);
}
