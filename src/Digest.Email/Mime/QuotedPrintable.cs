using System.Text;

namespace Digest.Email.Mime;

/// <summary>Quoted-printable body encoding (RFC 2045 section 6.7): UTF-8 bytes, CRLF line ends, lines of at most 76 characters.</summary>
internal static class QuotedPrintable
{
    private const int MaxLine = 76;

    public static string Encode(string text)
    {
        var output = new StringBuilder(text.Length + (text.Length / 8));
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            EncodeLine(Encoding.UTF8.GetBytes(lines[i]), output);
            if (i < lines.Length - 1)
            {
                output.Append("\r\n");
            }
        }

        return output.ToString();
    }

    private static void EncodeLine(byte[] bytes, StringBuilder output)
    {
        var lineLength = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            var last = i == bytes.Length - 1;
            // Literal: printable ASCII except '='; space and tab only when not at the end of a line (rule 3).
            var literal = (b is >= 33 and <= 126 && b != (byte)'=') || (b is (byte)' ' or (byte)'\t' && !last);
            var token = literal ? ((char)b).ToString() : "=" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture);

            // Keep room for the soft line break '='.
            if (lineLength + token.Length > MaxLine - 1)
            {
                output.Append("=\r\n");
                lineLength = 0;
            }

            output.Append(token);
            lineLength += token.Length;
        }
    }
}
