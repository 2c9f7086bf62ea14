using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Digest.Cli.Hosting;
using Digest.Core.Articles;
using Digest.Core.Stories.Clustering;
using Digest.Lab.Evaluation;
using Spectre.Console;

namespace Digest.Lab.Commands;

/// <summary>
/// `digest-lab bench cluster`: times the story clusterer on synthetic streams of growing size, generated at run time
/// from the labelled eval articles (<see cref="SyntheticStream"/>), and reports seconds, articles per second, peak
/// memory and the 10k to 100k time ratio (near 10 means near-linear).
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var sizes = new Option<string>("--sizes") { Description = "Comma-separated stream sizes.", DefaultValueFactory = _ => "1000,10000,100000" };
        var evalDir = new Option<string>("--eval-dir") { Description = "Folder with the labelled *.jsonl files to resample.", DefaultValueFactory = _ => Path.Combine("..", "shared", "eval") };
        var seed = new Option<int>("--seed") { Description = "Random seed of the synthetic stream.", DefaultValueFactory = _ => 1 };
        var dimensions = new Option<int>("--dimensions") { Description = "Length of the precomputed synthetic vectors (0 = lexical views only).", DefaultValueFactory = _ => 384 };
        var cluster = new Command("cluster", "Benchmark story clustering on synthetic streams resampled from the eval sets, with precomputed synthetic vectors.") { sizes, evalDir, seed, dimensions };
        cluster.SetAction((parseResult, ct) => RunAsync(parseResult.GetValue(sizes)!, parseResult.GetValue(evalDir)!, parseResult.GetValue(seed), parseResult.GetValue(dimensions), parseResult.GetValue(CliApp.Verbose), ct));
        return new Command("bench", "Benchmarks.") { cluster, EmbedBench.Create(evalDir) };
    }

    private static async Task<int> RunAsync(string sizesText, string evalDir, int seed, int dimensions, bool verbose, CancellationToken ct)
    {
        var sizes = new List<int>();
        foreach (var part in sizesText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
            {
                Console.Error.WriteLine($"digest-lab bench: --sizes wants positive integers, got '{part}'.");
                return 2;
            }

            sizes.Add(size);
        }

        if (!Directory.Exists(evalDir) || Directory.GetFiles(evalDir, "*.jsonl").Length == 0)
        {
            Console.Error.WriteLine($"digest-lab bench: no *.jsonl files in '{evalDir}' (use --eval-dir).");
            return 1;
        }

        var pool = new List<Article>();
        foreach (var path in Directory.GetFiles(evalDir, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var file = await EvalFileReader.ReadAsync(path, ct);
            foreach (var problem in file.Errors) Console.Error.WriteLine($"digest-lab bench: {path}: {problem}");
            pool.AddRange(file.Articles);
        }

        // One line per size as soon as it is measured (progress on long runs; readable in a CI log).
        Console.WriteLine($"{"articles",9}{"stories",9}{"seconds",9}{"articles/s",12}{"peak WS MB",12}{"process MB",12}{"stream MB",11}");
        var seconds = new Dictionary<int, double>();
        foreach (var size in sizes)
        {
            ct.ThrowIfCancellationRequested();
            var stream = SyntheticStream.Generate(pool, size, seed, dimensions);
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var streamBytes = GC.GetTotalMemory(false);
            using var sampler = new WorkingSetSampler();
            var watch = Stopwatch.StartNew();
            var groups = new StoryClusterer { Trace = verbose ? line => Console.Error.WriteLine($"  {line}") : null }.Cluster(stream);
            var elapsed = watch.Elapsed.TotalSeconds;
            var clusteringPeak = await sampler.StopAsync();
            seconds[size] = elapsed;
            using var process = Process.GetCurrentProcess();
            Console.WriteLine(
                $"{size,9}{groups.Count,9}{elapsed,9:F2}{size / elapsed,12:F0}"
                + $"{clusteringPeak / (1024 * 1024),12}{process.PeakWorkingSet64 / (1024 * 1024),12}{streamBytes / (1024 * 1024),11}");
            stream = null;
            groups = null;
            GC.Collect();
        }

        if (seconds.TryGetValue(10_000, out var t10) && seconds.TryGetValue(100_000, out var t100))
        {
            AnsiConsole.WriteLine($"10k -> 100k time ratio: {t100 / t10:F2} (10 = linear)");
        }

        AnsiConsole.WriteLine($"Vectors: {(dimensions > 0 ? $"{dimensions}-dimensional synthetic vectors derived from a seeded hash (not the model; clustering cost only)" : "none (lexical views only)")}.");
        AnsiConsole.WriteLine($"Pool: {pool.Count} eval articles. peak WS: working set sampled every 10 ms while clustering (the stream itself included); process: peak also counting generating the stream; stream: the generated articles in memory.");
        return 0;
    }
}
