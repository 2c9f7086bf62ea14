namespace Digest.Core.Stories.Text;

/// <summary>
/// Double quotation marks paired by position, never by count: a mark after the start, a space or an opening bracket
/// and before a letter opens; a mark after a letter or punctuation and before a space, the end or punctuation
/// closes; a mark that could be either (a lone mark between spaces) takes the role the open quotation needs. Which
/// way a source turned the mark ("“" or "”") is ignored: sources mis-turn them. A text whose marks do not alternate
/// open, close (a closing mark with nothing open, an opening mark inside a quotation, one left open) cannot be paired.
/// </summary>
internal static class QuotationMarks
{
    public static bool IsMark(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB';

    /// <summary>For each mark, in order, its position and whether it opens; null when the marks cannot be paired.</summary>
    public static IReadOnlyList<(int Index, bool Opens)>? Pair(string text)
    {
        var marks = new List<(int, bool)>();
        var open = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsMark(text[i])) continue;
            var before = i == 0 ? ' ' : text[i - 1];
            var after = i + 1 >= text.Length ? ' ' : text[i + 1];
            var canOpen = (char.IsWhiteSpace(before) || before is '(' or '[' or '\u2014' or '\u2013' or '-' or '/') && !char.IsWhiteSpace(after);
            var canClose = !char.IsWhiteSpace(before) && before is not ('(' or '[') && (char.IsWhiteSpace(after) || char.IsPunctuation(after) || char.IsSymbol(after));
            bool opens;
            if (canOpen == canClose) opens = !open; // ambiguous (or glued on both sides): what the state needs
            else opens = canOpen;
            if (opens == open) return null;
            open = opens;
            marks.Add((i, opens));
        }

        return open ? null : marks;
    }

    /// <summary>The text with every quotation (marks included) replaced by a space; null when the marks cannot be paired.</summary>
    public static string? Outside(string text)
    {
        var marks = Pair(text);
        if (marks is null) return null;
        var chars = text.ToCharArray();
        for (var m = 0; m + 1 < marks.Count; m += 2)
        {
            for (var i = marks[m].Index; i <= marks[m + 1].Index; i++) chars[i] = ' ';
        }

        return new string(chars);
    }
}
