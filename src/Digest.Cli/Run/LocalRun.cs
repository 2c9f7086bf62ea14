using System.Text.Json;
using Digest.Cli.Hosting;
using Digest.Core;
using Digest.Core.Articles;
using Digest.Core.Delivery;
using Digest.Core.Delivery.Subscribers;
using Digest.Core.Digests;
using Digest.Core.Json;
using Digest.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.Cli.Run;

/// <summary>
/// `digest run`: the whole pipeline on the file system, with the same jobs the Functions app runs.
/// Inputs are uploaded to the store's articles container, each parsed by ParseArticleJob, the day's digest built by
/// BuildDigestJob, and every queued batch sent by SendDigestJob to a file outbox; the results are copied out.
/// </summary>
internal sealed class LocalRun(IConfiguration configuration)
{
    public async Task<RunReport> ExecuteAsync(RunRequest request, IProgress<(string Stage, int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        var output = Path.GetFullPath(request.OutputFolder);
        Directory.CreateDirectory(output);
        var storeRoot = request.StoreFolder is { } s ? Path.GetFullPath(s) : FreshStore(output);
        var outbox = configuration["Email:Outbox:Path"] is { Length: > 0 } configured ? Path.GetFullPath(configured) : Path.Combine(output, "outbox");
        ClearOutbox(outbox);

        var config = LocalSigningKey.EnsureConfigured(configuration, output);
        var options = config.GetSection(DigestOptions.Section).Get<DigestOptions>() ?? new DigestOptions();
        var zone = options.ResolveTimeZone();
        var day = request.Day ?? options.DayOf(TimeProvider.System.GetUtcNow());
        var store = new FileSystemBlobStore(storeRoot);
        await using var services = CliServices.Build(config, new FixedDayTimeProvider(day, zone), outbox, CliServices.FileSystem(store));
        services.GetRequiredService<IOptions<DigestOptions>>(); // validate options up front

        var files = InputFiles.Name(InputFiles.Expand(request.Inputs));
        var parsed = await ParseAllAsync(services, store, files, progress, cancellationToken).ConfigureAwait(false);
        var (imported, problems) = await ImportSubscribersAsync(services, request.SubscribersFile, cancellationToken).ConfigureAwait(false);

        progress?.Report(("Composing the digest", 0, 1));
        var built = await services.GetRequiredService<BuildDigestJob>().RunAsync(day, cancellationToken).ConfigureAwait(false);
        progress?.Report(("Composing the digest", 1, 1));
        var (written, failed) = await SendAllAsync(services, built.Batches, progress, cancellationToken).ConfigureAwait(false);

        await ExportAsync(store, day, output, cancellationToken).ConfigureAwait(false);
        var rejected = await RejectionsAsync(store, parsed, cancellationToken).ConfigureAwait(false);
        await File.WriteAllBytesAsync(Path.Combine(output, "rejected.json"), JsonSerializer.SerializeToUtf8Bytes(rejected, DigestJsonContext.Stored.IReadOnlyListRejection), cancellationToken).ConfigureAwait(false);
        return new RunReport(day, parsed, rejected, built, written, failed, imported, problems, output);
    }

    private static async Task<IReadOnlyList<ParseOutcome>> ParseAllAsync(IServiceProvider services, IBlobStore store, IReadOnlyList<(string Path, string BlobName)> files, IProgress<(string, int, int)>? progress, CancellationToken cancellationToken)
    {
        var job = services.GetRequiredService<ParseArticleJob>();
        var outcomes = new List<ParseOutcome>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            progress?.Report(("Parsing articles", i, files.Count));
            var (path, name) = files[i];
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            await store.PutAsync(Containers.Articles, name, BinaryData.FromBytes(bytes), new BlobWriteOptions { ContentType = InputFiles.ContentTypeOf(name) }, cancellationToken).ConfigureAwait(false);
            outcomes.Add(await job.RunAsync(name, cancellationToken).ConfigureAwait(false));
        }

        progress?.Report(("Parsing articles", files.Count, files.Count));
        return outcomes;
    }

    private static async Task<(int Imported, IReadOnlyList<string> Problems)> ImportSubscribersAsync(IServiceProvider services, string? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return (0, []);
        }

        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"Subscribers file '{file}' does not exist.", file);
        }

        var read = await SubscriberFile.ReadAsync(file, cancellationToken).ConfigureAwait(false);
        if (read.Rows.Count == 0)
        {
            // Writing no email and exiting 0 would look like success.
            var first = read.Diagnostics.FirstOrDefault(d => d.Code != "duplicate");
            throw new CliException($"subscribers file '{file}' has no valid subscriber{(first is null ? "" : $" ({first.Location}: {first.Message.TrimEnd('.')})")}; fix it or pass another with --subscribers (JSON [{{\"email\",\"name\"}}] or CSV email,name,status,topics)");
        }

        var importer = new SubscriberImporter(services.GetRequiredService<SubscriberDirectory>(), services.GetRequiredService<TimeProvider>());
        var result = await importer.ImportAsync(read.Rows, allowResubscribe: false, cancellationToken).ConfigureAwait(false);
        var problems = read.Diagnostics.Concat(result.Diagnostics).Select(d => $"{d.Location}: {d.Message}").ToArray();
        return (read.Rows.Count, problems);
    }

    private static async Task<(int Written, int Failed)> SendAllAsync(IServiceProvider services, int batches, IProgress<(string, int, int)>? progress, CancellationToken cancellationToken)
    {
        var queue = services.GetRequiredKeyedService<IMessageQueue>(Containers.SendBatchesQueue);
        var job = services.GetRequiredService<SendDigestJob>();
        var (written, failed, done) = (0, 0, 0);
        while (true)
        {
            var messages = await queue.ReceiveAsync(16, TimeSpan.FromMinutes(5), cancellationToken).ConfigureAwait(false);
            if (messages.Count == 0)
            {
                break;
            }

            foreach (var message in messages)
            {
                progress?.Report(("Writing emails", done, batches));
                var batch = JsonSerializer.Deserialize(message.Body, DigestJsonContext.Stored.SendBatchMessage)
                    ?? throw new InvalidDataException("Empty send-batches message.");
                var outcome = await job.RunAsync(batch, cancellationToken).ConfigureAwait(false);
                await queue.DeleteAsync(message, cancellationToken).ConfigureAwait(false);
                written += outcome.Sent;
                failed += outcome.Failed;
                done++;
            }
        }

        progress?.Report(("Writing emails", done, Math.Max(done, batches)));
        return (written, failed);
    }

    private static async Task ExportAsync(IBlobStore store, DateOnly day, string output, CancellationToken cancellationToken)
    {
        foreach (var (name, file) in new[] { (Containers.DigestJson(day), "digest.json"), (Containers.DigestHtml(day), "digest.html"), (Containers.DigestText(day), "digest.txt") })
        {
            var blob = await store.GetAsync(Containers.Digests, name, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The digest file {name} was not produced.");
            await File.WriteAllBytesAsync(Path.Combine(output, file), blob.Content.ToArray(), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<Rejection>> RejectionsAsync(IBlobStore store, IReadOnlyList<ParseOutcome> parsed, CancellationToken cancellationToken)
    {
        var rejections = new List<Rejection>();
        foreach (var outcome in parsed.Where(p => p.Kind == ParseOutcomeKind.Quarantined))
        {
            var (rejection, _) = await store.ReadAsync(Containers.Quarantine, Containers.QuarantineReason(outcome.BlobName), DigestJsonContext.Stored.Rejection, cancellationToken).ConfigureAwait(false);
            rejections.Add(rejection ?? new Rejection(outcome.BlobName, outcome.Reason ?? "rejected", outcome.Diagnostics, 0, DateTimeOffset.MinValue));
        }

        return rejections;
    }

    /// <summary>Without --store, every run starts from an empty store inside the output folder (ours to clear).</summary>
    private static string FreshStore(string output)
    {
        var root = Path.Combine(output, ".store");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        return root;
    }

    private static void ClearOutbox(string outbox)
    {
        if (Directory.Exists(outbox))
        {
            foreach (var file in Directory.EnumerateFiles(outbox, "*.eml"))
            {
                File.Delete(file);
            }
        }
    }
}
