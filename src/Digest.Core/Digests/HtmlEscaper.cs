using System.Text;

namespace Digest.Core.Digests;

/// <summary>
/// HTML-encodes plain text for element content and quoted attribute values (HTML Living Standard, 13.1.2.6):
/// the five markup characters, plus <c>`</c> and <c>=</c> (as Handlebars did, for unquoted attributes), and every
/// control and bidirectional formatting character as a numeric reference, so none reaches the page raw
/// (CR never breaks a line; a U+202E in a headline cannot hide in the source).
/// </summary>
internal static class HtmlEscaper
{
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var index = IndexOfSpecial(text);
        if (index < 0)
        {
            return text;
        }

        var output = new StringBuilder(text.Length + 16).Append(text, 0, index);
        foreach (var c in text.AsSpan(index))
        {
            _ = c switch
            {
                '&' => output.Append("&amp;"),
                '<' => output.Append("&lt;"),
                '>' => output.Append("&gt;"),
                '"' => output.Append("&quot;"),
                '\'' => output.Append("&#x27;"),
                '`' => output.Append("&#x60;"),
                '=' => output.Append("&#x3D;"),
                _ when IsControlOrBidi(c) => output.Append("&#x").Append(((int)c).ToString("X", System.Globalization.CultureInfo.InvariantCulture)).Append(';'),
                _ => output.Append(c),
            };
        }

        return output.ToString();
    }

    private static int IndexOfSpecial(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '&' or '<' or '>' or '"' or '\'' or '`' or '=' || IsControlOrBidi(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>C0/C1 controls except tab and LF; LRM/RLM/ALM, the embeddings, overrides and isolates (Unicode UAX #9).</summary>
    private static bool IsControlOrBidi(char c) =>
        (char.IsControl(c) && c is not '\t' and not '\n')
        || c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
