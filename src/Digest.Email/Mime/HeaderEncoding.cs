using Digest.Core.Text;
using System.Text;

namespace Digest.Email.Mime;

/// <summary>
/// Header-safe values: no CR/LF ever reaches a header (RFC 5322 section 2.2: a header field is one logical line),
/// non-ASCII text becomes RFC 2047 encoded-words, long values are folded at 78 characters.
/// </summary>
internal static class HeaderEncoding
{
    private const int MaxEncodedWordBytes = 45; // 45 bytes -> 60 base64 chars; with "=?utf-8?B?" and "?=" a word stays under 75 (RFC 2047 section 2).

    /// <summary>Throws when a header name or value could break out of its header.</summary>
    public static void EnsureSafe(string name, string value)
    {
        if (name.Length == 0 || name.Any(c => c <= ' ' || c >= 127 || c == ':'))
        {
            throw new ArgumentException($"Invalid header name '{name}'.", nameof(name));
        }

        if (value.Any(c => c is '\r' or '\n' or '\0'))
        {
            throw new ArgumentException($"The value of header '{name}' contains a line break.", nameof(value));
        }
    }

    /// <summary>Unstructured text (Subject): ASCII folded at spaces, otherwise a run of encoded-words.</summary>
    public static string EncodeText(string headerName, string value)
    {
        value = SingleLineText.From(value);
        return IsPrintableAscii(value) ? Fold(headerName, value) : EncodedWords(value);
    }

    /// <summary>A mailbox: "Name" &lt;address&gt; with the name quoted or encoded as needed.</summary>
    public static string EncodeMailbox(MailboxAddress mailbox)
    {
        var address = mailbox.Address.Trim();
        if (!IsPrintableAscii(address) || address.Any(c => c is ' ' or '<' or '>' or '"' or ',') || !address.Contains('@'))
        {
            throw new ArgumentException("The email address is not a valid ASCII addr-spec.", nameof(mailbox));
        }

        var name = mailbox.Name is null ? null : SingleLineText.From(mailbox.Name);
        if (string.IsNullOrEmpty(name))
        {
            return $"<{address}>";
        }

        var phrase = IsPrintableAscii(name)
            ? "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""
            : EncodedWords(name);
        return $"{phrase} <{address}>";
    }

    private static bool IsPrintableAscii(string value) => value.All(c => c is >= ' ' and <= '~');

    private static string EncodedWords(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var words = new List<string>();
        var start = 0;
        while (start < bytes.Length)
        {
            var length = Math.Min(MaxEncodedWordBytes, bytes.Length - start);
            // Never split a UTF-8 sequence: back off continuation bytes (10xxxxxx) at the cut.
            while (start + length < bytes.Length && (bytes[start + length] & 0xC0) == 0x80)
            {
                length--;
            }

            words.Add("=?utf-8?B?" + Convert.ToBase64String(bytes, start, length) + "?=");
            start += length;
        }

        return string.Join("\r\n ", words);
    }

    private static string Fold(string headerName, string value)
    {
        var builder = new StringBuilder();
        var lineLength = headerName.Length + 2;
        foreach (var word in value.Split(' '))
        {
            if (lineLength + word.Length + 1 > 78 && lineLength > headerName.Length + 2)
            {
                builder.Append("\r\n");
                lineLength = 0;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
                lineLength++;
            }

            builder.Append(word);
            lineLength += word.Length;
        }

        return builder.ToString();
    }
}
