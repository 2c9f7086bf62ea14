using Digest.Core.Articles.Heuristics;
using Digest.Core.Articles.Text;

namespace Digest.Core.Articles.Formats;

/// <summary>
/// Splits plain text into paragraphs. Two conventions are common: one paragraph per line (the seed articles) and
/// paragraphs separated by blank lines, possibly hard-wrapped at a fixed width. A block whose lines all fit in
/// <see cref="MaxWrappedLine"/> characters is treated as wrapped: a line that fills most of the width continues
/// on the next line; a clearly shorter line, or one that looks like a heading, ends its paragraph. Blocks narrower
/// than <see cref="MinWrapWidth"/> are short lines, not wrapped prose.
/// </summary>
internal static class PlainTextBlocks
{
    public const int MaxWrappedLine = 100;
    public const int MinWrapWidth = 40;

    public static List<string> Split(string text)
    {
        var paragraphs = new List<string>();
        var block = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
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
        if (block.Count == 1 || width > MaxWrappedLine || width < MinWrapWidth)
        {
            paragraphs.AddRange(block);
        }
        else
        {
            var current = block[0];
            for (var i = 1; i < block.Count; i++)
            {
                // A line that used most of the width was wrapped; a short one ended its paragraph.
                if (block[i - 1].Length * 10 >= width * 6 && !HeadingDetector.LooksLikeHeading(block[i - 1]))
                {
                    current += " " + block[i];
                }
                else
                {
                    paragraphs.Add(current);
                    current = block[i];
                }
            }

            paragraphs.Add(current);
        }

        block.Clear();
    }
}
