using System.Text;
using System.Text.RegularExpressions;

namespace Digest.Core.Articles.Text;

/// <summary>
/// The charset an HTML meta element declares (<c>&lt;meta charset=...&gt;</c> or
/// <c>&lt;meta http-equiv="Content-Type" content="...; charset=..."&gt;</c>), looked for in the first 1,024 bytes as
/// the HTML standard's prescan does (WHATWG HTML 13.2.3.2). The bytes are read as Latin-1, so any ASCII-compatible
/// encoding finds its own declaration.
/// </summary>
internal static partial class MetaCharset
{
    private const int PrescanBytes = 1024;

    public static string? Find(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        try
        {
            var match = Declaration().Match(head);
            return match.Success ? match.Groups["name"].Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"<meta\b[^>]*?\bcharset\s*=\s*[""']?\s*(?<name>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Declaration();
}
