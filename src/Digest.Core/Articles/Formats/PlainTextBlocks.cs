using System.Text;
using Digest.Core.Articles.Building;
using Digest.Core.Articles.Heuristics;
using Digest.Core.Articles.Text;

namespace Digest.Core.Articles.Formats;

/// <summary>
/// Splits plain text into paragraphs. Two conventions are common: one paragraph per line (the seed articles) and
/// paragraphs separated by blank lines, hard-wrapped at a fixed width. Inside a block whose lines are between
/// <see cref="MinWrapWidth"/> and <see cref="MaxWrapWidth"/> characters, a line is joined to the next only when it
/// looks wrapped: it does not end a sentence, it is not heading-like, and the next line's first word would not have
/// fitted on it (the classic test: an editor that wraps breaks a line only when the next word does not fit).
/// </summary>
internal static class PlainTextBlocks
{
    public const int MinWrapWidth = 40;
    public const int MaxWrapWidth = 100;

    public static List<string> Split(string text, ParseBudget budget)
    {
        var paragraphs = new List<string>();
        var block = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            budget.Step();
            var line = TextNormalizer.CleanInline(raw);
            if (line.Length == 0)
            {
                FlushBlock(block, paragraphs);
            }
            else
            {
                block.Add(line);
            }
        }

        FlushBlock(block, paragraphs);
        return paragraphs;
    }

    private static void FlushBlock(List<string> block, List<string> paragraphs)
    {
        if (block.Count == 0)
        {
            return;
        }

        var width = block.Max(l => l.Length);
        if (block.Count == 1 || width is < MinWrapWidth or > MaxWrapWidth)
        {
            paragraphs.AddRange(block);
            block.Clear();
            return;
        }

        // A builder, not string concatenation: a long block of wrapped lines would otherwise copy quadratically.
        var current = new StringBuilder(block[0]);
        for (var i = 1; i < block.Count; i++)
        {
            if (IsWrapped(block[i - 1], block[i], width))
            {
                current.Append(' ').Append(block[i]);
            }
            else
            {
                paragraphs.Add(current.ToString());
                current.Clear().Append(block[i]);
            }
        }

        paragraphs.Add(current.ToString());
        block.Clear();
    }

    private static bool IsWrapped(string line, string next, int width)
    {
        var firstWord = next.IndexOf(' ') is var space and > 0 ? space : next.Length;
        return line.Length + 1 + firstWord > width
            && !EndsSentence(line)
            && !HeadingDetector.LooksLikeHeading(line);
    }

    private static bool EndsSentence(string line) => line[^1] is '.' or '!' or '?' or '"' or '”' or '’' or ':';
}
