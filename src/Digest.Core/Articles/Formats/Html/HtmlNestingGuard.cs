namespace Digest.Core.Articles.Formats.Html;

/// <summary>
/// Estimates how deep the markup nests before AngleSharp builds the tree. The HTML5 tree builder checks element
/// scope by walking the stack of open elements, so parse time grows with depth times tags: 50,000 nested divs
/// (250 KB) take half a minute. Browsers cap the depth (Blink at 512); Digest refuses deeper than 256, far beyond real articles.
/// The estimate ignores void elements, elements whose end tag is optional, comments and raw-text content, so
/// ordinary sloppy HTML (unclosed p and li) does not count; it can only overestimate when end tags are missing.
/// </summary>
internal static class HtmlNestingGuard
{
    public const int MaxDepth = 256;

    private static readonly HashSet<string> NotCounted = new(StringComparer.OrdinalIgnoreCase)
    {
        // Void elements.
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        // Optional end tags (HTML5 13.1.2.4).
        "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody",
        "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp",
    };

    private static readonly string[] RawText = ["script", "style", "textarea", "title", "xmp", "plaintext", "noembed", "noframes", "iframe"];

    /// <summary>The deepest nesting found, stopping early once it passes <see cref="MaxDepth"/>.</summary>
    public static int EstimateDepth(string html)
    {
        int depth = 0, max = 0, i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && max <= MaxDepth)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                i = SkipPast(html, i + 4, "-->");
                continue;
            }

            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var end = start;
            while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] is '-' or ':'))
            {
                end++;
            }

            i = end;
            if (end == start || !char.IsAsciiLetter(html[start]))
            {
                continue;
            }

            var name = html[start..end];
            var tagEnd = html.IndexOf('>', end);
            var selfClosing = tagEnd > 0 && html[tagEnd - 1] == '/';
            if (NotCounted.Contains(name) || selfClosing)
            {
                continue;
            }

            if (closing)
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (Array.Exists(RawText, r => r.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                i = SkipPast(html, end, "</" + name);
            }
            else
            {
                max = Math.Max(max, ++depth);
            }
        }

        return max;
    }

    private static int SkipPast(string html, int from, string marker)
    {
        var at = html.IndexOf(marker, from, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html.Length : at + marker.Length;
    }
}
