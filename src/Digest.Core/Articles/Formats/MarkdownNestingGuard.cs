namespace Digest.Core.Articles.Formats;

/// <summary>
/// Refuses Markdown whose lines open dozens of nested containers ("- - - - ..." or "&gt; &gt; &gt; ..."). Markdig has its
/// own depth limit, but reaching it on every line of a 10 MB upload takes many seconds; this check takes milliseconds.
/// </summary>
internal static class MarkdownNestingGuard
{
    public const int MaxContainersPerLine = 32;

    public static bool IsTooDeep(string markdown)
    {
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            if (ContainerMarkers(line) > MaxContainersPerLine)
            {
                return true;
            }
        }

        return false;
    }

    private static int ContainerMarkers(ReadOnlySpan<char> line)
    {
        var count = 0;
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }

            if (i >= line.Length)
            {
                return count;
            }

            var start = i;
            while (i < line.Length && i - start < 9 && char.IsAsciiDigit(line[i]))
            {
                i++;
            }

            var isMarker = line[i == line.Length ? i - 1 : i] switch
            {
                '>' when i == start => true,
                '-' or '+' or '*' when i == start => i + 1 >= line.Length || line[i + 1] is ' ' or '\t',
                '.' or ')' when i > start => i + 1 >= line.Length || line[i + 1] is ' ' or '\t',
                _ => false,
            };
            if (!isMarker || i >= line.Length)
            {
                return count;
            }

            count++;
            i++;
        }
    }
}
