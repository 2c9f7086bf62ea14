using System.Text.RegularExpressions;

namespace Digest.Core.Stories.Merging;

/// <summary>
/// What makes a source title a poor story headline: a question, an exclamation, a quotation, an opinion label or a
/// loaded verb ("Slams", "Blasts"), or more than <see cref="MaxCharacters"/> characters. The picker prefers titles
/// without any of these and falls back to the best-placed one when every title has one.
/// </summary>
internal static partial class HeadlineRules
{
    /// <summary>Headlines longer than this read as leads; shorter alternatives are preferred.</summary>
    public const int MaxCharacters = 90;

    /// <summary>Verbs that tell the reader what to think of an act rather than what happened.</summary>
    private static readonly HashSet<string> Loaded = new(StringComparer.OrdinalIgnoreCase)
    {
        "attack", "attacks", "slam", "slams", "blast", "blasts", "rip", "rips", "bash", "bashes", "lash", "lashes",
        "torch", "torches", "trash", "trashes", "destroy", "destroys", "eviscerate", "eviscerates", "shred", "shreds",
        "scorch", "scorches", "hammer", "hammers", "smack", "smacks", "mock", "mocks", "humiliate", "humiliates",
        "demolish", "demolishes", "crush", "crushes", "skewer", "skewers", "roast", "roasts", "unload", "unloads",
        "rant", "rants", "rail", "rails", "fume", "fumes", "meltdown", "freakout", "outrageous", "disgraceful",
        "shocking", "stunning", "bombshell", "insane", "idiotic", "pathetic", "brutal", "epic", "owns", "owned",
        "wrecks", "dunks", "claps", "smears", "whines", "gloats", "caves", "flip-flops", "hypocrisy", "hypocrite",
    };

    /// <summary>True when the title is a question, an exclamation or (partly) a quotation.</summary>
    public static bool IsQuestionExclamationOrQuote(string title)
    {
        var t = title.Trim();
        return t.Contains('?') || t.Contains('!') || t.IndexOfAny(['"', '\u201C', '\u201D']) >= 0 || SingleQuoted().IsMatch(t);
    }

    /// <summary>True when the title labels itself opinion or uses a loaded verb or adjective.</summary>
    public static bool IsOpinion(string title) =>
        OpinionLabel().IsMatch(title) || title.Split([' ', ',', ':', ';', '-', '\u2014'], StringSplitOptions.RemoveEmptyEntries).Any(w => Loaded.Contains(w.Trim('\'', '\u2018', '\u2019', '.')));

    /// <summary>How many of the rules the title breaks (0 = neutral).</summary>
    public static int Faults(string title) =>
        (IsQuestionExclamationOrQuote(title) ? 1 : 0) + (IsOpinion(title) ? 1 : 0) + (title.Trim().Length > MaxCharacters ? 1 : 0);

    // 'Word ...' used as a quotation, not an apostrophe inside a word ("China's").
    [GeneratedRegex(@"(^|[\s:(])['\u2018]\w[^'\u2018\u2019]*['\u2019]($|[\s,.:;)])")]
    private static partial Regex SingleQuoted();

    [GeneratedRegex(@"^\s*(opinion|analysis|commentary|editorial|column|op-ed|watch|video|exclusive|breaking)\b|\b(must|should)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OpinionLabel();
}
