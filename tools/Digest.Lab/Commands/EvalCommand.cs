using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Digest.Core.Articles;
using Digest.Core.Stories.Clustering;
using Digest.Cli.Hosting;
using Digest.Core.Stories.Embeddings;
using Digest.Embeddings;
using Digest.Lab.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Lab.Commands;

/// <summary>
/// `digest-lab eval FILE.jsonl...`: clusters each labelled file, then all of them together, with the same clusterer
/// the daily digest uses, and prints pairwise and BCubed precision/recall/F1 (a table, or JSON with --json).
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Labelled JSON-lines files (id, title, text, date, source, cluster).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON instead of a table." };
        var set = new Option<string[]>("--set") { Description = "Override a clusterer option for tuning experiments (Name=value, repeatable).", Hidden = true };
        var dump = new Option<string?>("--predictions") { Description = "Also write the combined run's predicted group of every article id to this file (id<TAB>group); with --days, each article's day, gold event, story and state.", Hidden = true };
        var lexical = new Option<bool>("--lexical") { Description = "Cluster on the lexical views only (no sentence embeddings)." };
        var cv = new Option<bool>("--cv") { Description = "Also print the leave-one-set-out table: each full-text file scored with parameters chosen on the others." };
        var cache = new Option<string?>("--vector-cache") { Description = "Cache file of article vectors (keep it outside the repository).", Hidden = true };
        var stories = new Option<bool>("--stories") { Description = "Measure the story texts instead: summaries, headlines and additions of each file's multi-source gold stories." };
        var days = new Option<bool>("--days") { Description = "Measure cross-day continuity instead: each file as two digest days (half of some events, then their rest beside look-alike events); developing vs new story per article." };
        var headlines = new Option<double>("--headline-only") { Description = "Mixed-feed check: keep only the headline of this share (0-1) of each full-text file's articles, chosen by a hash of the article id, as RSS items beside full articles.", Hidden = true };
        var command = new Command("eval", "Measure story clustering on labelled news: pairwise and BCubed F1 per file and combined.") { files, json, set, dump, lexical, cv, cache, stories, days, headlines };
        command.SetAction((parseResult, ct) => RunAsync(
            new EvalRequest(parseResult.GetValue(files) ?? [], parseResult.GetValue(json), parseResult.GetValue(set) ?? [], parseResult.GetValue(dump), parseResult.GetValue(lexical), parseResult.GetValue(cv), parseResult.GetValue(cache), parseResult.GetValue(CliApp.Verbose), parseResult.GetValue(headlines)),
            ct,
            parseResult.GetValue(stories),
            parseResult.GetValue(days)));
        return command;
    }

    private static async Task<int> RunAsync(EvalRequest request, CancellationToken ct, bool stories = false, bool days = false)
    {
        var (paths, asJson, overrides, predictions, verbose) = (request.Files, request.Json, request.Overrides, request.Predictions, request.Verbose);
        if (!ClusterOptionOverrides.TryApply(StoryClusterOptions.Default, overrides, out var options, out var error))
        {
            Console.Error.WriteLine($"error: {error}; see 'digest-lab eval --help'");
            return 2;
        }

        var loaded = new List<EvalFile>();
        var failed = false;
        foreach (var path in paths)
        {
            var file = await EvalFileReader.ReadAsync(path, ct);
            if (file.Errors.Count > 0)
            {
                // One summary line per file, not one per bad line (a wrong file has thousands): the first ten stay
                // available under --verbose.
                Console.Error.WriteLine($"error: {path} is not labelled JSON lines ({(file.StoppedAtLine is { } stopped ? $"stopped after {file.Errors.Count} bad lines at line {stopped}" : $"{file.Errors.Count} bad lines")}; first: {file.Errors[0]}); each line must be a JSON object with id, title, text, date, source, cluster");
                if (verbose)
                {
                    foreach (var problem in file.Errors.Take(10))
                    {
                        Console.Error.WriteLine($"  {path}: {problem}");
                    }
                }

                failed = true;
            }

            loaded.Add(file);
        }

        if (failed)
        {
            return 1;
        }

        if (request.HeadlineOnly is < 0 or > 1)
        {
            Console.Error.WriteLine("error: --headline-only takes a share from 0 to 1; see 'digest-lab eval --help'");
            return 2;
        }

        if (request.HeadlineOnly > 0)
        {
            for (var k = 0; k < loaded.Count; k++)
            {
                if (!IsHeadlineOnly(loaded[k])) loaded[k] = loaded[k] with { Articles = MixedFeed.KeepHeadlines(loaded[k].Articles, request.HeadlineOnly) };
            }
        }

        if (stories)
        {
            using var storyServices = new ServiceCollection().AddDigestEmbeddings().BuildServiceProvider();
            var embedder = new CachedEmbedder(storyServices.GetRequiredService<ITextEmbedder>(), request.VectorCache);
            StoriesEval.WriteTable(await StoriesEval.MeasureAsync(loaded, embedder, predictions, ct));
            return 0;
        }

        if (!request.Lexical)
        {
            // Embedded as ParseArticle would (headline plus lead), all files in one batched call.
            using var services = new ServiceCollection().AddDigestEmbeddings().BuildServiceProvider();
            var embedder = services.GetRequiredService<ITextEmbedder>();
            var watch = Stopwatch.StartNew();
            var embedded = await ArticleEmbeddings.EnsureAsync(loaded.SelectMany(f => f.Articles).ToList(), new CachedEmbedder(embedder, request.VectorCache), ct);
            Console.Error.WriteLine($"digest-lab eval: {embedded.Count} articles embedded or read from the cache in {watch.Elapsed.TotalSeconds:F1} s ({embedder.Model}).");
            var offset = 0;
            for (var k = 0; k < loaded.Count; k++)
            {
                loaded[k] = loaded[k] with { Articles = embedded.Skip(offset).Take(loaded[k].Articles.Count).ToList() };
                offset += loaded[k].Articles.Count;
            }
        }

        if (days)
        {
            if (overrides.Length > 0)
            {
                Console.Error.WriteLine("error: --days measures the shipped configuration; --set does not apply to it");
                return 2;
            }

            using var dayServices = request.Lexical ? null : new ServiceCollection().AddDigestEmbeddings().BuildServiceProvider();
            ITextEmbedder? dayEmbedder = dayServices is null ? null : new CachedEmbedder(dayServices.GetRequiredService<ITextEmbedder>(), request.VectorCache);
            var continuity = new List<ContinuityRow>();
            var dayDump = predictions is null ? null : new List<string> { "file\tday\tarticle\tevent\tstory\tstate\trole" };
            foreach (var f in loaded)
            {
                continuity.Add(await ContinuityEval.MeasureAsync(Path.GetFileName(f.Path), f.Articles, f.Clusters, dayEmbedder, ct, dayDump));
            }

            ContinuityEval.WriteTable(continuity);
            if (dayDump is not null) await File.WriteAllLinesAsync(predictions!, dayDump, ct);
            return 0;
        }

        var clusterer = new StoryClusterer(options);
        var rows = loaded.Select(f => Evaluate(clusterer, Path.GetFileName(f.Path), f.Articles, f.Clusters)).ToList();
        // Combined = the full-text files clustered as one batch; headline-only files are reported on their own.
        var fullText = loaded.Where(f => !IsHeadlineOnly(f)).ToList();
        var combined = Evaluate(
            clusterer,
            "combined",
            fullText.SelectMany(f => f.Articles).ToArray(),
            fullText.SelectMany(f => f.Clusters.Select(c => Path.GetFileName(f.Path) + "/" + c)).ToArray());

        if (predictions is not null)
        {
            var all = loaded.SelectMany(f => f.Articles).ToArray();
            var labels = ClusteringMetrics.Labels(clusterer.Cluster(all), all.Length);
            await File.WriteAllLinesAsync(predictions, all.Select((a, i) => $"{a.Id}\t{labels[i]}"), ct);
        }

        if (asJson)
        {
            WriteJson(rows, combined);
        }
        else
        {
            WriteTable(rows, combined);
        }

        if (request.CrossValidate)
        {
            WriteCrossValidation(fullText.Select(f => new EvalSet(Path.GetFileName(f.Path), f.Articles, f.Clusters)).ToList(), options);
        }

        return 0;
    }

    /// <summary>A file whose articles mostly have no body (RSS-style headlines).</summary>
    private static bool IsHeadlineOnly(EvalFile file) => file.Articles.Count(a => !a.Paragraphs.Any()) * 2 > file.Articles.Count;

    private static void WriteCrossValidation(List<EvalSet> sets, StoryClusterOptions options)
    {
        if (sets.Count < 2)
        {
            Console.WriteLine("leave-one-set-out: needs at least two full-text files.");
            return;
        }

        var grid = LeaveOneSetOut.Grid(options);
        var scores = sets.Select(set => LeaveOneSetOut.Scores(set, grid)).ToList();
        var all = grid[LeaveOneSetOut.Best(scores)];
        Console.WriteLine();
        Console.WriteLine($"leave-one-set-out (grid: {LeaveOneSetOut.Thresholds.Length} thresholds x {LeaveOneSetOut.SemanticShares.Length} embedding shares x {LeaveOneSetOut.NameShares.Length} name shares; chosen on the other files: mean of their F1, each clustered alone, over the threshold and its neighbours)");
        Console.WriteLine($"{"held-out file",-18}{"tuned F1",9}{"held-out F1",13}{"gap",8}  chosen on the others");
        for (var s = 0; s < sets.Count; s++)
        {
            var chosen = grid[LeaveOneSetOut.Best(scores.Where((_, k) => k != s).ToList())];
            var tuned = LeaveOneSetOut.Scores(sets[s], [options])[0];
            var heldOut = LeaveOneSetOut.Scores(sets[s], [chosen])[0];
            var name = sets[s].Name.Length > 17 ? sets[s].Name[..17] : sets[s].Name;
            Console.WriteLine($"{name,-18}{tuned,9:F3}{heldOut,13:F3}{tuned - heldOut,8:F3}  threshold {chosen.SemanticThreshold:F3}, embedding share {chosen.SemanticShare:F2}, names {NameShare(chosen):F2}");
        }

        Console.WriteLine($"tuned = this run's configuration (threshold {options.SemanticThreshold:F3}, embedding share {options.SemanticShare:F2}, names {NameShare(options):F2}); the same rule on all full-text files picks threshold {all.SemanticThreshold:F3}, embedding share {all.SemanticShare:F2}, names {NameShare(all):F2}.");
    }

    private static float NameShare(StoryClusterOptions o) => 1f - o.SemanticShare - o.SemanticTermShare;

    private static EvalRow Evaluate(StoryClusterer clusterer, string name, IReadOnlyList<Article> articles, IReadOnlyList<string> gold)
    {
        var watch = Stopwatch.StartNew();
        var groups = clusterer.Cluster(articles);
        var seconds = watch.Elapsed.TotalSeconds;
        var scores = ClusteringMetrics.Score(gold, ClusteringMetrics.Labels(groups, articles.Count));
        return new EvalRow(name, scores, seconds);
    }

    private static void WriteTable(List<EvalRow> rows, EvalRow combined)
    {
        // Plain fixed-width lines: they fit an 80-column terminal and read the same in a CI log.
        Console.WriteLine($"{"file",-16}{"articles",8}{"stories",10}  {"pairwise P/R/F1",-17}  {"BCubed P/R/F1",-17}{"seconds",9}");
        Console.WriteLine($"{"",-16}{"",8}{"gold→pred",10}");
        foreach (var row in rows.Append(combined))
        {
            var s = row.Scores;
            var name = Path.GetFileName(row.Name);
            Console.WriteLine(
                $"{(name.Length > 15 ? name[..15] : name),-16}{s.Articles,8}{$"{s.GoldClusters}→{s.PredictedClusters}",10}  "
                + $"{s.Pairwise.Precision:F3}/{s.Pairwise.Recall:F3}/{s.Pairwise.F1:F3}  {s.BCubed.Precision:F3}/{s.BCubed.Recall:F3}/{s.BCubed.F1:F3}{row.Seconds,9:F2}");
        }
    }

    private static void WriteJson(List<EvalRow> rows, EvalRow combined)
    {
        using var stream = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("files");
            foreach (var row in rows)
            {
                WriteRow(writer, row, includeFile: true);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("combined");
            WriteRow(writer, combined, includeFile: false);
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private static void WriteRow(Utf8JsonWriter writer, EvalRow row, bool includeFile)
    {
        var s = row.Scores;
        writer.WriteStartObject();
        if (includeFile) writer.WriteString("file", row.Name);
        writer.WriteNumber("articles", s.Articles);
        writer.WriteNumber("gold_stories", s.GoldClusters);
        writer.WriteNumber("predicted_stories", s.PredictedClusters);
        WriteScores(writer, "pairwise", s.Pairwise);
        WriteScores(writer, "bcubed", s.BCubed);
        writer.WriteNumber("seconds", Math.Round(row.Seconds, 3));
        writer.WriteEndObject();
    }

    private static void WriteScores(Utf8JsonWriter writer, string name, PrecisionRecall scores)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("precision", Math.Round(scores.Precision, 4));
        writer.WriteNumber("recall", Math.Round(scores.Recall, 4));
        writer.WriteNumber("f1", Math.Round(scores.F1, 4));
        writer.WriteEndObject();
    }

    private sealed record EvalRow(string Name, ClusteringScores Scores, double Seconds);

    private sealed record EvalRequest(string[] Files, bool Json, string[] Overrides, string? Predictions, bool Lexical, bool CrossValidate, string? VectorCache, bool Verbose, double HeadlineOnly = 0);
}
