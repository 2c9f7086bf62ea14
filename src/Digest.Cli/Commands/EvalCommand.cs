using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Digest.Core.Articles;
using Digest.Core.Stories.Clustering;
using Digest.Core.Stories.Evaluation;
using Spectre.Console;

namespace Digest.Cli.Commands;

/// <summary>
/// `digest eval FILE.jsonl...`: clusters each labelled file, then all of them together, with the same clusterer
/// the daily digest uses, and prints pairwise and BCubed precision/recall/F1 (a table, or JSON with --json).
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Labelled JSON-lines files (id, title, text, date, source, cluster).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON instead of a table." };
        var set = new Option<string[]>("--set") { Description = "Override a clusterer option for tuning experiments (Name=value, repeatable).", Hidden = true };
        var dump = new Option<string?>("--predictions") { Description = "Also write the combined run's predicted group of every article id to this file (id<TAB>group).", Hidden = true };
        var command = new Command("eval", "Measure story clustering on labelled news: pairwise and BCubed F1 per file and combined.") { files, json, set, dump };
        command.SetAction((parseResult, ct) => RunAsync(parseResult.GetValue(files) ?? [], parseResult.GetValue(json), parseResult.GetValue(set) ?? [], parseResult.GetValue(dump), parseResult.GetValue(Hosting.CliApp.Verbose), ct));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, bool asJson, string[] overrides, string? predictions, bool verbose, CancellationToken ct)
    {
        if (!ClusterOptionOverrides.TryApply(StoryClusterOptions.Default, overrides, out var options, out var error))
        {
            Console.Error.WriteLine($"error: {error}; see 'digest eval --help'");
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
                Console.Error.WriteLine($"error: {path} is not labelled JSON lines ({file.Errors.Count} bad lines; first: {file.Errors[0]}); each line must be a JSON object with id, title, text, date, source, cluster");
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

        var clusterer = new StoryClusterer(options);
        var rows = loaded.Select(f => Evaluate(clusterer, Path.GetFileName(f.Path), f.Articles, f.Clusters)).ToList();
        var combined = Evaluate(
            clusterer,
            "combined",
            loaded.SelectMany(f => f.Articles).ToArray(),
            loaded.SelectMany(f => f.Clusters.Select(c => Path.GetFileName(f.Path) + "/" + c)).ToArray());

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

        return 0;
    }

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
}
