namespace Digest.Core.Articles.Heuristics;

/// <summary>
/// Decides whether a plain-text line is a section heading: short, no sentence punctuation at the end, and either
/// Title Case ("Kim’s Legendary Train") or very short. The caller also requires a paragraph to follow.
/// </summary>
internal static class HeadingDetector
{
    public const int MaxHeadingWords = 14;
    public const int MaxHeadingLength = 120;
    private const int ShortLineWords = 5;

    private static readonly HashSet<string> MinorWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as",
        "vs", "vs.", "via", "into", "onto", "over", "per", "than", "up", "off", "out", "is", "its", "it", "be", "are",
    };

    public static bool LooksLikeHeading(string line)
    {
        if (line.Length is < 2 or > MaxHeadingLength || !char.IsLetterOrDigit(line[0]) || char.IsLower(line[0]))
        {
            return false;
        }

        var last = line[^1];
        if (!(char.IsLetterOrDigit(last) || last is ')' or '?'))
        {
            return false;
        }

        // More than one sentence is prose.
        if (line.Contains(". ", StringComparison.Ordinal) || line.Contains("! ", StringComparison.Ordinal))
        {
            return false;
        }

        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > MaxHeadingWords)
        {
            return false;
        }

        return words.Length <= ShortLineWords || IsTitleCase(words);
    }

    /// <summary>At least three quarters of the significant words start with a capital letter or a digit.</summary>
    public static bool IsTitleCase(IReadOnlyList<string> words)
    {
        var significant = 0;
        var capitalised = 0;
        foreach (var raw in words)
        {
            var word = raw.TrimStart('“', '"', '‘', '\'', '(', '[');
            if (word.Length == 0 || MinorWords.Contains(word))
            {
                continue;
            }

            significant++;
            if (char.IsUpper(word[0]) || char.IsDigit(word[0]))
            {
                capitalised++;
            }
        }

        return significant > 0 && capitalised * 4 >= significant * 3;
    }
}
