namespace Digest.Core.Articles.Text;

/// <summary>Recognises binary uploads (images, documents, archives) so they are rejected instead of read as text.</summary>
internal static class BinarySniffer
{
    private static readonly (string Kind, byte[] Magic)[] Signatures =
    [
        ("PNG image", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("JPEG image", [0xFF, 0xD8, 0xFF]),
        ("GIF image", "GIF8"u8.ToArray()),
        ("PDF document", "%PDF-"u8.ToArray()),
        ("ZIP archive (or DOCX/XLSX)", [0x50, 0x4B, 0x03, 0x04]),
        ("ZIP archive", [0x50, 0x4B, 0x05, 0x06]),
        ("gzip archive", [0x1F, 0x8B]),
        ("WebP or RIFF media", "RIFF"u8.ToArray()),
        ("legacy Office document", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        ("7-Zip archive", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]),
        ("executable", [0x7F, 0x45, 0x4C, 0x46]),
        ("executable", [0x4D, 0x5A, 0x90, 0x00]),
    ];

    /// <summary>What kind of binary the bytes look like, or null when they may be text.</summary>
    /// <remarks>Call only for input without a UTF-16/UTF-32 byte-order mark: those legitimately contain NUL bytes.</remarks>
    public static string? Identify(ReadOnlySpan<byte> bytes)
    {
        foreach (var (kind, magic) in Signatures)
        {
            if (bytes.StartsWith(magic))
            {
                return kind;
            }
        }

        // Text never contains NUL; UTF-16 without a byte-order mark also lands here, which is the right call
        // because its byte order cannot be known for sure.
        return bytes.IndexOf((byte)0) >= 0 ? "binary data (NUL bytes; or UTF-16 without a byte-order mark)" : null;
    }
}
