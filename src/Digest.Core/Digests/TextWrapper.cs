using System.Text;

namespace Digest.Core.Digests;

/// <summary>Wraps plain text at word boundaries, keeping each line's indentation (readable in any mail client).</summary>
internal static class TextWrapper
{
    public static string Wrap(string text, int width)
    {
        var output = new StringBuilder(text.Length + (text.Length / width));
        foreach (var rawLine in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = rawLine.TrimEnd();
            var indent = line.Length - line.TrimStart().Length;
            var continuation = new string(' ', Math.Min(indent + (line.TrimStart().StartsWith("- ", StringComparison.Ordinal) ? 2 : 0), width / 2));
            var current = new StringBuilder(line[..indent]);
            var first = true;
            foreach (var word in line[indent..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var atLineStart = current.Length == (first ? indent : continuation.Length);
                if (!atLineStart && current.Length + 1 + word.Length > width)
                {
                    output.Append(current).Append('\n');
                    current.Clear().Append(continuation);
                    first = false;
                    atLineStart = true;
                }

                if (!atLineStart)
                {
                    current.Append(' ');
                }

                current.Append(word);
            }

            output.Append(current).Append('\n');
        }

        return output.ToString().TrimEnd('\n') + "\n";
    }
}
