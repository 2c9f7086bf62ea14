using System.CommandLine;
using System.Diagnostics;
using Digest.Core.Articles;
using Digest.Core.Stories.Embeddings;
using Digest.Embeddings;
using Digest.Lab.Evaluation;
using Microsoft.Extensions.Options;

namespace Digest.Lab.Commands;

/// <summary>
/// `digest-lab bench embed`: embeds full-text eval articles the way ParseArticle does (headline plus lead, at most 128
/// word pieces) with the real model, and reports articles per second, peak working set, batch size and threads.
/// </summary>
internal static class EmbedBench
{
    public static Command Create(Option<string> evalDir)
    {
        var count = new Option<int>("--count") { Description = "Articles to embed (full-text ones first).", DefaultValueFactory = _ => 256 };
        var batch = new Option<int>("--batch") { Description = "Texts per model run.", DefaultValueFactory = _ => new MiniLmOptions().BatchSize };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads.", DefaultValueFactory = _ => new MiniLmOptions().Threads };
        var command = new Command("embed", "Benchmark sentence embedding (all-MiniLM-L6-v2) of eval articles.") { evalDir, count, batch, threads };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(evalDir)!, parse.GetValue(count), parse.GetValue(batch), parse.GetValue(threads), ct));
        return command;
    }

    private static async Task<int> RunAsync(string evalDir, int count, int batch, int threads, CancellationToken ct)
    {
        var pool = new List<Article>();
        foreach (var path in Directory.Exists(evalDir) ? Directory.GetFiles(evalDir, "*.jsonl").Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
        {
            pool.AddRange((await EvalFileReader.ReadAsync(path, ct)).Articles);
        }

        var texts = pool.Where(a => a.Paragraphs.Any()).Concat(pool.Where(a => !a.Paragraphs.Any())).Take(count).Select(EmbeddingText.For).ToList();
        if (texts.Count == 0)
        {
            Console.Error.WriteLine($"digest-lab bench embed: no articles in '{evalDir}' (use --eval-dir).");
            return 1;
        }

        var options = new MiniLmOptions { BatchSize = batch, Threads = threads };
        using var embedder = new MiniLmEmbedder(Options.Create(options));
        var load = Stopwatch.StartNew();
        await embedder.EmbedAsync(texts.Take(2).ToList(), ct); // loads the model and warms up
        var loadSeconds = load.Elapsed.TotalSeconds;
        using var sampler = new WorkingSetSampler();
        var watch = Stopwatch.StartNew();
        await embedder.EmbedAsync(texts, ct);
        var seconds = watch.Elapsed.TotalSeconds;
        var peak = await sampler.StopAsync();
        Console.WriteLine($"{"articles",9}{"seconds",9}{"articles/s",12}{"peak WS MB",12}{"batch",7}{"threads",9}{"max tokens",12}{"load s",8}");
        Console.WriteLine($"{texts.Count,9}{seconds,9:F2}{texts.Count / seconds,12:F1}{peak / (1024 * 1024),12}{options.BatchSize,7}{options.Threads,9}{options.MaxTokens,12}{loadSeconds,8:F1}");
        Console.WriteLine($"Input: headline plus lead ({EmbeddingText.MaxCharacters} characters, then at most {options.MaxTokens} word pieces), {Environment.ProcessorCount} processors.");
        return 0;
    }
}
