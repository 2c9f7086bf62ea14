using System.Text.RegularExpressions;
using Digest.Core.Articles;
using Digest.Core.Stories.Embeddings;
using Digest.Core.Stories.Merging;

namespace Digest.Lab.Evaluation;

/// <summary>
/// `digest-lab eval --stories`: writes every multi-source gold story of each file with the digest's own merger (sentence
/// embeddings on, no budget) and measures the text a reader gets. The checks are deliberately independent of the
/// merger's code: their own sentence splitting, word lists and thresholds. "Close in meaning" = MiniLM cosine at
/// least <see cref="SameMeaning"/> with a sentence or the title of another source of the story.
/// </summary>
internal static partial class StoriesEval
{
    /// <summary>Cosine at which two sentences are taken to state the same fact (fixed before tuning, not tuned).</summary>
    public const float SameMeaning = 0.6f;

    private static readonly HashSet<string> DanglingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "but", "and", "or", "so", "yet", "however", "meanwhile", "still", "also", "moreover", "furthermore", "then",
        "thus", "therefore", "instead", "nevertheless", "nonetheless", "later", "indeed", "besides", "likewise",
        "he", "she", "it", "they", "his", "her", "its", "their", "we", "our", "i", "my", "you", "such", "both",
    };

    private static readonly string[] DanglingPhrases = ["in addition", "as a result", "at the same time", "in the next", "the latter", "the former", "that tracks", "even so", "on the other hand", "in turn"];

    /// <param name="dump">When set, every story written is also written to this file as text, for reading.</param>
    public static async Task<IReadOnlyList<StoriesRow>> MeasureAsync(IReadOnlyList<EvalFile> files, ITextEmbedder embedder, string? dump, CancellationToken ct)
    {
        var rows = new List<StoriesRow>();
        var text = new System.Text.StringBuilder();
        foreach (var file in files)
        {
            var stories = file.Articles.Select((a, i) => (Article: a, Cluster: file.Clusters[i]))
                .GroupBy(x => x.Cluster, StringComparer.Ordinal)
                .Where(g => g.Count() >= 2)
                .Select(g => (IReadOnlyList<Article>)g.Select(x => AsParsed(x.Article)).ToList())
                .ToList();
            var vectors = await SentenceVectors.ComputeAsync(stories, embedder, int.MaxValue, ct);
            var merged = stories.Select(s => StoryMerger.Merge(s, vectors)).ToList();

            // Every sentence of every source, split here (not by the merger's splitter), embedded once.
            var sentences = stories.Select(s => s.Select(a => Split(a.BodyText).Append(a.Title).ToList()).ToList()).ToList();
            var texts = sentences.SelectMany(s => s.SelectMany(x => x))
                .Concat(merged.SelectMany(m => m.Summary.Concat(m.Additions.OfType<string>())))
                .Distinct(StringComparer.Ordinal).ToList();
            var embedded = await embedder.EmbedAsync(texts, ct);
            var vector = texts.Select((t, i) => (t, embedded[i])).ToDictionary(x => x.t, x => x.Item2, StringComparer.Ordinal);

            int summarySentences = 0, corroborated = 0, dangling = 0, additions = 0, reported = 0, badHeadlines = 0, summaryWords = 0;
            var editorial = new EditorialCounts();
            for (var s = 0; s < stories.Count; s++)
            {
                var m = merged[s];
                summaryWords += m.Summary.Sum(x => x.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
                for (var k = 0; k < m.Summary.Count; k++)
                {
                    summarySentences++;
                    var owner = Owner(stories[s], m.Summary[k]);
                    if (Enumerable.Range(0, stories[s].Count).Any(j => j != owner && CloseTo(vector[m.Summary[k]], sentences[s][j], vector))) corroborated++;
                    if (Dangling(m.Summary[k], m.Summary.Take(k))) dangling++;
                }

                for (var i = 0; i < m.Additions.Count; i++)
                {
                    if (m.Additions[i] is not { } addition) continue;
                    additions++;
                    if (Enumerable.Range(0, stories[s].Count).Any(j => j != i && CloseTo(vector[addition], sentences[s][j], vector))) reported++;
                }

                if (QuestionExclamationOrQuote(m.Headline)) badHeadlines++;
                editorial.Add(stories[s], m);
                text.Append("## ").AppendLine(m.Headline).AppendLine(string.Join(" ", m.Summary));
                for (var i = 0; i < stories[s].Count; i++) text.Append("  - ").Append(stories[s][i].Outlet).Append(": ").Append(stories[s][i].Title).Append(m.Additions[i] is { } a ? "\n      only here: " + a : "").AppendLine();
                text.AppendLine();
            }

            rows.Add(new StoriesRow(Path.GetFileName(file.Path), stories.Count, (double)summaryWords / Math.Max(1, stories.Count), summarySentences,
                Share(corroborated, summarySentences), dangling, additions, Share(reported, additions), Share(badHeadlines, stories.Count), editorial));
        }

        if (dump is not null) await File.WriteAllTextAsync(dump, text.ToString(), ct);
        return rows;
    }

    private static readonly ArticleParser Parser = new();

    /// <summary>
    /// The eval reader does not parse; the stories are written from what the product would store, so each article's
    /// title and text go through the product's parser as a minimal JSON upload (datelines, boilerplate lines, headings
    /// and captions as ParseArticle reads them). Ids, outlet and date stay the eval file's; an article the parser would
    /// reject is kept as read.
    /// </summary>
    internal static Article AsParsed(Article article)
    {
        var upload = new System.Text.Json.Nodes.JsonObject { ["title"] = article.Title, ["body"] = article.BodyText };
        var result = Parser.Parse(System.Text.Encoding.UTF8.GetBytes(upload.ToJsonString()), article.SourceName + ".json");
        return result.Article is { } parsed
            ? article with { Title = parsed.Title, Sections = parsed.Sections, ImageCaptions = parsed.ImageCaptions, Dateline = parsed.Dateline }
            : article;
    }

    public static void WriteTable(IReadOnlyList<StoriesRow> rows)
    {
        Console.WriteLine($"{"file",-16}{"stories",8}{"words",7}{"sentences",10}{"corrob.",9}{"dangling",9}{"additions",10}{"reported",9}{"?!\" heads",10}");
        foreach (var r in rows)
        {
            var name = r.File.Length > 15 ? r.File[..15] : r.File;
            Console.WriteLine($"{name,-16}{r.Stories,8}{r.MeanSummaryWords,7:F1}{r.SummarySentences,10}{r.Corroborated,9:P0}{r.Dangling,9}{r.Additions,10}{r.AdditionsReportedElsewhere,9:P1}{r.LoadedHeadlines,10:P1}");
        }

        Console.WriteLine();
        Console.WriteLine($"{"file",-16}{"cut/flip",9}{"no speaker",11}{"unintro.",9}{"datelines",10}{"near-dup",9}{"head/lead",10}{"bad adds",9}");
        foreach (var r in rows)
        {
            var (name, e) = (r.File.Length > 15 ? r.File[..15] : r.File, r.Editorial);
            Console.WriteLine($"{name,-16}{e.CutOrFlipped,9}{e.Speakerless,11}{e.Unintroduced,9}{e.Datelines,10}{e.NearDuplicates,9}{$"{e.HeadlineLeadDisagreements} ({Share(e.HeadlineLeadDisagreements, r.Stories):P0})",10}{e.BadAdditions,9}");
        }

        Console.WriteLine("Counts over summary sentences and additions (EditorialChecks, independent of the merger): cut/flip = cut out of a longer quotation in the source or marks not paired “…”; no speaker = a quotation (4+ words) or first person outside quotes without a speech verb; unintro. = Mr./Ms./Dr. X or a lone \"X said\" (a person the sources name with a first name) before the headline or summary writes the name after a first name or title; near-dup = word-set Jaccard >= 0.5 within a summary, or an addition against the summary or another addition; head/lead = headline and first sentence share no content word; bad adds = additions failing any of these.");
        Console.WriteLine($"words = mean summary words; corrob. = summary sentences with a sentence or title of another source at MiniLM cosine >= {SameMeaning}; dangling = summary sentences opening with unresolved context; reported = additions another source states (same test); ?!\" heads = headlines that are questions, exclamations or quotes.");
    }

    /// <summary>The source a summary sentence came from (it is copied verbatim, quotes aside).</summary>
    private static int Owner(IReadOnlyList<Article> story, string sentence)
    {
        var key = Plain(sentence);
        for (var i = 0; i < story.Count; i++)
        {
            if (Plain(story[i].BodyText).Contains(key, StringComparison.Ordinal)) return i;
        }

        return -1;
    }

    private static string Plain(string text) => QuoteMark().Replace(text, "\"");

    private static bool CloseTo(float[] v, List<string> others, Dictionary<string, float[]> vector) =>
        others.Any(o => Dot(v, vector[o]) >= SameMeaning);

    private static float Dot(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>The simple checker: a connective or pronoun first, an unresolved demonstrative, or odd quotation marks.</summary>
    internal static bool Dangling(string sentence, IEnumerable<string> before)
    {
        if (QuoteMark().Matches(sentence).Count % 2 == 1) return true;
        var words = WordPattern().Matches(sentence).Select(w => w.Value.ToLowerInvariant()).ToList();
        if (words.Count == 0) return true;
        if (DanglingWords.Contains(words[0])) return true;
        var start = string.Join(' ', words.Take(4));
        if (DanglingPhrases.Any(p => start.StartsWith(p, StringComparison.Ordinal))) return true;
        if (words[0] is "this" or "that" or "these" or "those")
        {
            var earlier = string.Join(' ', before).ToLowerInvariant();
            var noun = words.Count > 1 ? words[1].TrimEnd('s') : "";
            return noun.Length < 3 || !earlier.Contains(noun, StringComparison.Ordinal);
        }

        return false;
    }

    internal static bool QuestionExclamationOrQuote(string headline) =>
        headline.Contains('?') || headline.Contains('!') || QuoteMark().IsMatch(headline) || SingleQuotes().IsMatch(headline);

    private static List<string> Split(string text) =>
        SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    [GeneratedRegex("[\"\u201C\u201D]")]
    private static partial Regex QuoteMark();

    [GeneratedRegex(@"[A-Za-z][A-Za-z']*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?:^|\s)['\u2018][^'\u2018\u2019]+['\u2019](?:\s|$|[,:.])")]
    private static partial Regex SingleQuotes();

    [GeneratedRegex(@"(?<=[.!?][""\u201D\u2019)]?)\s+(?=[""\u201C\u2018(]?[A-Z0-9])|\n+")]
    private static partial Regex SentenceBreak();
}

/// <summary>One file's story-text figures.</summary>
internal sealed record StoriesRow(string File, int Stories, double MeanSummaryWords, int SummarySentences, double Corroborated, int Dangling, int Additions, double AdditionsReportedElsewhere, double LoadedHeadlines, EditorialCounts Editorial);
