using System.Text;
using Digest.Core.Articles.Building;

namespace Digest.Core.Articles.Text;

/// <summary>
/// Two levels of clean-up. <see cref="NormalizeDocument"/> keeps the line structure (Markdown needs its
/// indentation and blank lines); <see cref="CleanInline"/> turns one extracted fragment into a single plain line.
/// </summary>
internal static class TextNormalizer
{
    /// <summary>
    /// LF line endings, Unicode NFC, no control characters (tab kept), no lone surrogates, no byte-order marks,
    /// no invisible bidirectional overrides (they can make text read differently from what it says).
    /// </summary>
    public static string NormalizeDocument(string text, ParseBudget? budget = null)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if ((i & 4095) == 0)
            {
                budget?.Step();
            }

            var c = text[i];
            switch (c)
            {
                case '\r':
                    builder.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n' or '\t':
                    builder.Append(c);
                    break;
                case '\u2028' or '\u2029' or '\u0085':
                    builder.Append('\n');
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        builder.Append('\uFFFD');
                    }
                    else if (!IsDropped(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        var result = builder.ToString();
        return result.IsNormalized(NormalizationForm.FormC) ? result : result.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Collapses every run of white space (line breaks and no-break spaces included) to one space and trims.</summary>
    public static string CleanInline(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || IsDropped(c))
            {
                pendingSpace |= char.IsWhiteSpace(c);
                continue;
            }

            if (pendingSpace && builder.Length > 0)
            {
                builder.Append(' ');
            }

            pendingSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A cleaned value, or null when nothing is left.</summary>
    public static string? CleanOrNull(string? text)
    {
        var cleaned = CleanInline(text);
        return cleaned.Length == 0 ? null : cleaned;
    }

    // Control characters other than tab/LF, the BOM / zero-width no-break space, zero-width space, word joiner,
    // soft hyphen, and the bidi embedding/override/isolate controls (U+202A-202E, U+2066-2069).
    private static bool IsDropped(char c) =>
        (char.IsControl(c) && c is not '\n' and not '\t')
        || c is '\uFEFF' or '\u200B' or '\u2060' or '\u00AD'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
