namespace Digest.Core.Articles.Heuristics;

/// <summary>
/// Lines that text copied from a web page drags along ("Advertisement", "Share this", "Comments") and that are
/// never part of the story. Whole-line matches only, so a sentence that mentions an advertisement stays.
/// </summary>
internal static class BoilerplateLine
{
    private static readonly HashSet<string> Lines = new(StringComparer.OrdinalIgnoreCase)
    {
        "advertisement", "advertisements", "ad", "sponsored", "sponsored content", "story continues below advertisement",
        "comments", "comment", "share", "share this", "share this article", "share this story", "embed", "embed x share",
        "facebook", "twitter", "pinterest", "linkedin", "whatsapp", "email", "print", "buy photo", "photos", "video",
        "related", "related articles", "related stories", "read more", "more from this section", "subscribe",
        "sign up for our newsletter", "posted on", "skip to content", "continue reading", "watch", "view comments",
    };

    public static bool IsBoilerplate(string line) => line.Length <= 40 && Lines.Contains(line.Trim().TrimEnd(':', '.', '»', '›').Trim());
}
