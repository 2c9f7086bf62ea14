using System.Text;
using System.Text.Unicode;
using Digest.Core.Articles.Building;

namespace Digest.Core.Articles.Text;

/// <summary>
/// Turns uploaded bytes into text, in the order HTML's encoding sniffing uses: byte-order marks first (UTF-8, UTF-16
/// LE/BE, UTF-32 LE/BE), then a charset the content type declares, then one an HTML meta element declares in the first
/// 1,024 bytes, then detection: UTF-8 when the bytes are UTF-8, or overwhelmingly so (a truncated last character, a
/// stray byte: only the bad bytes are replaced, with a warning); otherwise Windows-1252 (the usual origin of such
/// files is a Windows editor; every byte is defined there, so nothing is lost).
/// </summary>
internal static class TextDecoder
{
    // Used through the provider instance instead of Encoding.RegisterProvider: no process-wide state to mutate.
    private static readonly Encoding Windows1252 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>Decodes, or adds an error diagnostic and returns null.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string? contentType, DiagnosticBag diagnostics, out ParseDiagnostic? error)
    {
        error = null;
        if (TryReadBom(bytes, out var bomEncoding, out var bomLength))
        {
            // A UTF-8 byte-order mark followed by invalid UTF-8: read it the way a file without a mark is read.
            var text = bomLength == 3 && !Utf8.IsValid(bytes[3..])
                ? Detect(bytes[3..], diagnostics)
                : bomEncoding.GetString(bytes[bomLength..]);
            if (text.Contains('\0'))
            {
                error = Error("binary-input", "The input has a Unicode byte-order mark but contains NUL characters: it is binary data, not text.");
                return null;
            }

            return text;
        }

        if (BinarySniffer.Identify(bytes) is { } kind)
        {
            error = Error("binary-input", $"The input is binary ({kind}), not text.");
            return null;
        }

        var declared = DeclaredEncoding(contentType, diagnostics);
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage)
        {
            diagnostics.Info("decoded-as-declared-charset", $"Decoded as {declared.WebName}, the charset the content type declares.");
            return declared.GetString(bytes);
        }

        if (declared is null && MetaCharset.Find(bytes) is { } meta)
        {
            if (Lookup(meta) is { } fromMeta && fromMeta.CodePage != Encoding.UTF8.CodePage && !IsUtf16Or32(fromMeta))
            {
                diagnostics.Info("decoded-as-meta-charset", $"Decoded as {fromMeta.WebName}, the charset the HTML meta element declares.");
                return fromMeta.GetString(bytes);
            }
        }

        return Detect(bytes, diagnostics);
    }

    private static string Detect(ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var (multiByte, invalid, truncatedEnd) = CountUtf8(bytes);
        if (invalid == 0 && truncatedEnd)
        {
            diagnostics.Warning("invalid-utf8-replaced", "The input is UTF-8 but its last character is cut off; it was replaced with U+FFFD.");
            return Encoding.UTF8.GetString(bytes);
        }

        // "Overwhelmingly UTF-8": at least two well-formed multi-byte characters for every bad byte. A Windows-1252
        // file has no well-formed multi-byte sequences in practice (that would need an accented capital followed by
        // a symbol from 0x80-0xBF), so it still falls through to Windows-1252.
        if (multiByte > 0 && multiByte >= 2 * (invalid + (truncatedEnd ? 1 : 0)))
        {
            diagnostics.Warning("invalid-utf8-replaced", $"The input is UTF-8 with {invalid + (truncatedEnd ? 1 : 0):N0} invalid byte sequence(s); only those were replaced with U+FFFD.");
            return Encoding.UTF8.GetString(bytes);
        }

        diagnostics.Warning("decoded-as-windows-1252", "The input is not valid UTF-8; it was decoded as Windows-1252. Save it as UTF-8 to be sure.");
        return Windows1252.GetString(bytes);
    }

    private static (int MultiByte, int Invalid, bool TruncatedEnd) CountUtf8(ReadOnlySpan<byte> bytes)
    {
        int multiByte = 0, invalid = 0;
        while (!bytes.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            if (status == System.Buffers.OperationStatus.NeedMoreData)
            {
                return (multiByte, invalid, true);
            }

            if (status == System.Buffers.OperationStatus.Done)
            {
                multiByte += consumed > 1 ? 1 : 0;
            }
            else
            {
                invalid++;
            }

            bytes = bytes[consumed..];
        }

        return (multiByte, invalid, false);
    }

    private static bool IsUtf16Or32(Encoding encoding) => encoding is UnicodeEncoding or UTF32Encoding;

    private static bool TryReadBom(ReadOnlySpan<byte> bytes, out Encoding encoding, out int length)
    {
        (encoding, length) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false), 3),
            [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2),
            [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2),
            _ => ((Encoding)null!, 0),
        };
        return length > 0;
    }

    private static Encoding? DeclaredEncoding(string? contentType, DiagnosticBag diagnostics)
    {
        if (contentType is null)
        {
            return null;
        }

        foreach (var part in contentType.Split(';'))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length == 2 && pair[0].Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                var name = pair[1].Trim('"', '\'');
                var encoding = Lookup(name);
                if (encoding is null)
                {
                    diagnostics.Warning("unknown-charset", $"The content type declares an unknown charset '{name}'; it was ignored.");
                }

                return encoding;
            }
        }

        return null;
    }

    private static Encoding? Lookup(string name) => System.Text.CodePagesEncodingProvider.Instance.GetEncoding(name) ?? BuiltIn(name);

    private static Encoding? BuiltIn(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static ParseDiagnostic Error(string code, string message) => new(DiagnosticSeverity.Error, code, message);
}
