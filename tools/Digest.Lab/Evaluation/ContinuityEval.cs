using System.Numerics.Tensors;
using Digest.Core.Articles;
using Digest.Core.Storage;
using Digest.Core.Stories;
using Digest.Core.Stories.Embeddings;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Digest.Lab.Evaluation;

/// <summary>
/// `digest-lab eval --days`: cross-day continuity measured on labelled news, through the daily composer and its
/// story index exactly as a build runs them (issue 21). Each file becomes two digest days:
/// <list type="bullet">
/// <item>every gold event is paired with its look-alike: the other event whose articles' mean vector is closest
/// (greedily, most alike first; in ECB+ this is mostly the topic's twin, in GVC another shooting);</item>
/// <item>of each pair, the event that comes first in the file is a <b>follow-up</b> event: the first half of its
/// articles (at least one) appear on day one, the rest on day two; the other is a <b>look-alike</b> event: all its
/// articles appear on day two only;</item>
/// <item>events left without a partner are follow-up events.</item>
/// </list>
/// Scored on day two, per article: a follow-up article should be in a story marked developing whose id is a day-one
/// story that held one of its event's day-one articles (an event split over two day-one stories may develop either);
/// a look-alike article should be in a story that is not
/// developing (any continuation of day one is wrong: its event was not reported then). Publication dates are set to
/// the simulated days (the files' own dates span years); the sentence-embedding budget is 0 (story texts are not
/// measured here, and grouping does not depend on them).
/// </summary>
internal static class ContinuityEval
{
    private static readonly DateOnly DayOne = new(2026, 1, 5);

    /// <param name="dump">When given, one line per article of either day: file, day, article id, gold event, story id,
    /// developing or new, and its role (day-one, follow-up, look-alike), tab-separated.</param>
    public static async Task<ContinuityRow> MeasureAsync(string name, IReadOnlyList<Article> articles, IReadOnlyList<string> clusters, ITextEmbedder? embedder, CancellationToken ct, ICollection<string>? dump = null)
    {
        var events = Enumerable.Range(0, articles.Count)
            .GroupBy(i => clusters[i], StringComparer.Ordinal)
            .Select(g => g.ToList())
            .OrderBy(g => g[0])
            .ToList();
        var lookAlike = PairLookAlikes(events, articles);

        var dayOne = new List<int>();
        var dayTwo = new List<int>();
        var followUps = new HashSet<int>();
        foreach (var (members, k) in events.Select((e, k) => (e, k)))
        {
            if (lookAlike[k])
            {
                dayTwo.AddRange(members);
                continue;
            }

            var first = Math.Max(1, members.Count / 2);
            dayOne.AddRange(members.Take(first));
            dayTwo.AddRange(members.Skip(first));
            followUps.UnionWith(members.Skip(first));
        }

        var root = Path.Combine(Path.GetTempPath(), "digest-lab-days-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var composer = new StoryComposer(
                new FileSystemBlobStore(root),
                Options.Create(new StoryComposerOptions { SentenceEmbeddingBudget = 0 }),
                NullLogger<StoryComposer>.Instance,
                embedder);
            var one = await composer.ComposeAsync(On(dayOne, articles, DayOne), DayOne, ct);
            var two = await composer.ComposeAsync(On(dayTwo, articles, DayOne.AddDays(1)), DayOne.AddDays(1), ct);

            // The day-one stories of each event: every story holding one of its day-one articles.
            var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var s in one)
            {
                foreach (var source in s.Sources) storyOf[source.ArticleId] = s.Id;
            }

            var eventStories = dayOne
                .GroupBy(i => clusters[i], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(i => storyOf[articles[i].Id]).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

            var indexOf = dayTwo.ToDictionary(i => articles[i].Id, i => i, StringComparer.Ordinal);
            var byArticle = new Dictionary<string, Story>(StringComparer.Ordinal);
            foreach (var s in two)
            {
                foreach (var source in s.Sources) byArticle[source.ArticleId] = s;
            }

            if (dump is not null)
            {
                foreach (var i in dayOne) dump.Add($"{name}\t1\t{articles[i].Id}\t{clusters[i]}\t{storyOf[articles[i].Id]}\tnew\tday-one");
                foreach (var i in dayTwo)
                {
                    var story = byArticle[articles[i].Id];
                    dump.Add($"{name}\t2\t{articles[i].Id}\t{clusters[i]}\t{story.Id}\t{(story.Developing ? "developing" : "new")}\t{(followUps.Contains(i) ? "follow-up" : "look-alike")}");
                }
            }

            int followUpContinued = 0, followUpWrong = 0, lookAlikeNew = 0, lookAlikeMixed = 0;
            foreach (var i in dayTwo)
            {
                var story = byArticle[articles[i].Id];
                if (followUps.Contains(i))
                {
                    if (story.Developing && eventStories[clusters[i]].Contains(story.Id)) followUpContinued++;
                    else if (story.Developing) followUpWrong++;
                }
                else if (!story.Developing)
                {
                    lookAlikeNew++;
                }
                else if (story.Sources.Any(x => followUps.Contains(indexOf[x.ArticleId])))
                {
                    lookAlikeMixed++;
                }
            }

            return new ContinuityRow(name, lookAlike.Count(x => x), followUps.Count, followUpContinued, followUpWrong, dayTwo.Count - followUps.Count, lookAlikeNew, lookAlikeMixed);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    public static void WriteTable(IReadOnlyList<ContinuityRow> rows)
    {
        Console.WriteLine("file             look-alike  follow-up articles         look-alike articles");
        Console.WriteLine("                 events      day 2  developing  wrong   day 2  new story  joined a follow-up");
        foreach (var r in rows)
        {
            Console.WriteLine($"{Truncate(r.File, 16),-16} {r.LookAlikeEvents,10}  {r.FollowUpArticles,5}  {Share(r.FollowUpContinued, r.FollowUpArticles),10}  {Share(r.FollowUpWrong, r.FollowUpArticles),5}  {r.LookAlikeArticles,6}  {Share(r.LookAlikeNew, r.LookAlikeArticles),9}  {Share(r.LookAlikeMixed, r.LookAlikeArticles),18}");
        }
    }

    private static string Share(int part, int whole) => whole == 0 ? "-" : (part / (double)whole).ToString("F3", System.Globalization.CultureInfo.InvariantCulture);

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n];

    /// <summary>Greedy matching of events by the cosine of their mean vectors, most alike first; the later of each pair is the look-alike.</summary>
    private static bool[] PairLookAlikes(List<List<int>> events, IReadOnlyList<Article> articles)
    {
        var means = events.Select(e => Mean(e, articles)).ToList();
        var pairs = new List<(float Cosine, int A, int B)>();
        for (var a = 0; a < events.Count; a++)
        {
            for (var b = a + 1; b < events.Count; b++)
            {
                if (means[a] is { } x && means[b] is { } y) pairs.Add((TensorPrimitives.CosineSimilarity(x, y), a, b));
            }
        }

        pairs.Sort((p, q) => p.Cosine != q.Cosine ? q.Cosine.CompareTo(p.Cosine) : (p.A, p.B).CompareTo((q.A, q.B)));
        var matched = new bool[events.Count];
        var later = new bool[events.Count];
        foreach (var (_, a, b) in pairs)
        {
            if (matched[a] || matched[b]) continue;
            matched[a] = matched[b] = true;
            later[b] = true;
        }

        return later;
    }

    private static float[]? Mean(List<int> members, IReadOnlyList<Article> articles)
    {
        float[]? sum = null;
        foreach (var i in members)
        {
            if (articles[i].Embedding?.Vector is not { Length: > 0 } v) continue;
            sum ??= new float[v.Length];
            if (v.Length == sum.Length) TensorPrimitives.Add(sum, v, sum);
        }

        return sum;
    }

    private static List<Article> On(List<int> indexes, IReadOnlyList<Article> articles, DateOnly day) =>
        indexes.Select(i => articles[i] with { Published = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero) }).ToList();
}

/// <summary>One file's two-day continuity figures (see <see cref="ContinuityEval"/>).</summary>
internal sealed record ContinuityRow(string File, int LookAlikeEvents, int FollowUpArticles, int FollowUpContinued, int FollowUpWrong, int LookAlikeArticles, int LookAlikeNew, int LookAlikeMixed);
