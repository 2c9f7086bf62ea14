using System.Text;

namespace Digest.Core.Text;

/// <summary>
/// Text that must stay on one line (subjects, header values, display names): every control character (CR, LF, tab
/// ...) becomes a space and runs of spaces collapse. A line break can then never start a new header (RFC 5322 2.2).
/// </summary>
public static class SingleLineText
{
    public static string From(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
