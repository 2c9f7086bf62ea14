using Digest.Core.Stories;

namespace Digest.Core.Digests;

/// <summary>
/// Orders a day's stories by importance: how many distinct outlets cover it (a developing story that gained new
/// sources today counts one more, so it moves up past stories of equal coverage); on a tie, how prominent its
/// people and places are that day (<see cref="Prominence"/>), then how many articles it merges, then the most recent
/// report, then the story id (a hash of the day and the articles: stable on every run, unrelated to the alphabet).
/// </summary>
internal static class StoryRanking
{
    public static IEnumerable<Story> Rank(IEnumerable<Story> stories)
    {
        var all = stories.ToArray();
        var prominence = Prominence(all);
        return all
            .Select((s, i) => (Story: s, Prominence: prominence[i]))
            .OrderByDescending(x => Importance(x.Story))
            .ThenByDescending(x => x.Prominence)
            .ThenByDescending(x => x.Story.Sources.Count)
            .ThenByDescending(x => x.Story.LatestPublished ?? DateTimeOffset.MinValue)
            .ThenBy(x => x.Story.Id, StringComparer.Ordinal)
            .Select(x => x.Story);
    }

    /// <summary>Distinct outlets, plus one for a developing story with new sources today.</summary>
    public static int Importance(Story story) => OutletCount(story.Sources) + (story.Developing && story.Sources.Count > 0 ? 1 : 0);

    /// <summary>
    /// Per story: how many of the day's other stories mention its most mentioned key name in their headline or summary.
    /// A key name is a word of the headline that the summary capitalises mid-sentence ("Trump", "Senate", "Beijing"):
    /// what the story is about, not whom it mentions in passing. The story about the person the whole day is about
    /// outranks a one-off of equal coverage.
    /// </summary>
    public static int[] Prominence(IReadOnlyList<Story> stories)
    {
        var names = stories.Select(s => Names(s.Summary).Intersect(Words([s.Headline]), StringComparer.Ordinal).ToArray()).ToArray();
        var mentions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var story in stories)
        {
            foreach (var word in Words(story.Summary.Append(story.Headline)).ToHashSet(StringComparer.Ordinal))
            {
                mentions[word] = mentions.GetValueOrDefault(word) + 1;
            }
        }

        // Each story mentions its own names: count the others.
        return names.Select(n => n.Length == 0 ? 0 : n.Max(w => mentions.GetValueOrDefault(w) - 1)).ToArray();
    }

    private static HashSet<string> Names(IEnumerable<string> sentences)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            var words = Words([sentence]).ToArray();
            for (var i = 1; i < words.Length; i++)
            {
                if (words[i].Length >= 3 && char.IsUpper(words[i][0]) && !words[i].All(char.IsUpper)) names.Add(words[i]);
            }
        }

        return names;
    }

    private static IEnumerable<string> Words(IEnumerable<string> texts) => texts
        .SelectMany(t => t.Split((char[])[' ', ',', '.', ';', ':', '"', '\u201C', '\u201D', '(', ')', '?', '!'], StringSplitOptions.RemoveEmptyEntries))
        .Select(w => w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("\u2019s", StringComparison.Ordinal) ? w[..^2] : w);

    /// <summary>
    /// How many distinct outlets the sources come from: by outlet name (case-insensitive), else the link's host
    /// without "www.", else each unnamed article counts as its own outlet.
    /// </summary>
    public static int OutletCount(IEnumerable<StorySource> sources) =>
        sources.Select(s => OutletName(s) ?? "\0" + s.ArticleId).Distinct(StringComparer.OrdinalIgnoreCase).Count();

    /// <summary>The named outlets among the sources, distinct, in order of first appearance.</summary>
    public static IReadOnlyList<string> OutletNames(IEnumerable<StorySource> sources) =>
        sources.Select(OutletName).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>The outlet's display name (<see cref="Stories.OutletName"/>: named, else from the link's host), else null.</summary>
    public static string? OutletName(StorySource source) => Stories.OutletName.Of(source.Outlet, source.Url);
}
