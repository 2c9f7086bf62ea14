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
/// One bad input costs that input only: an entry refused before reading (a link leaving the input folder) or one that
/// cannot be read is quarantined with its reason like an input the parser rejects, and the run goes on.
/// rejected.json lists the day's quarantine entries as the store holds them, so a rerun reports them too.
/// </summary>
/// <param name="configuration">The CLI's configuration.</param>
/// <param name="readFile">Reads one input file (tests inject failures here); File.ReadAllBytesAsync by default.</param>
internal sealed class LocalRun(IConfiguration configuration, Func<string, CancellationToken, Task<byte[]>>? readFile = null)
{
    private readonly Func<string, CancellationToken, Task<byte[]>> _readFile = readFile ?? ReadFileAsync;

    public async Task<RunReport> ExecuteAsync(RunRequest request, IProgress<(string Stage, int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        var output = Path.GetFullPath(request.OutputFolder);
        Directory.CreateDirectory(output);
        var storeRoot = request.StoreFolder is { } s ? Path.GetFullPath(s) : FreshStore(output);
        var outbox = configuration["Email:Outbox:Path"] is { Length: > 0 } configured ? Path.GetFullPath(configured) : Path.Combine(output, "outbox");
        ClearOutbox(outbox);

        var config = await LocalSigningKey.EnsureConfiguredAsync(configuration, CliServices.FileSystem(new FileSystemBlobStore(storeRoot)), cancellationToken).ConfigureAwait(false);
        var options = config.GetSection(DigestOptions.Section).Get<DigestOptions>() ?? new DigestOptions();
        var zone = options.ResolveTimeZone();
        var day = request.Day ?? options.DayOf(TimeProvider.System.GetUtcNow());
        var store = new FileSystemBlobStore(storeRoot);
        // Today's run is dated with the real clock; a run for another --date starts at noon of that day.
        TimeProvider clock = day == options.DayOf(TimeProvider.System.GetUtcNow()) ? TimeProvider.System : new FixedDayTimeProvider(day, zone);
        await using var services = CliServices.Build(config, clock, outbox, CliServices.FileSystem(store));
        services.GetRequiredService<IOptions<DigestOptions>>(); // validate options up front

        var files = InputFiles.Name(InputFiles.Expand(request.Inputs));
        // Subscribers first: a bad subscribers file stops the run before minutes of parsing, not after.
        var (imported, problems) = await ImportSubscribersAsync(services, request.SubscribersFile, cancellationToken).ConfigureAwait(false);
        var parsed = await ParseAllAsync(services, store, files, progress, cancellationToken).ConfigureAwait(false);

        progress?.Report(("Composing the digest", 0, 1));
        var built = await services.GetRequiredService<BuildDigestJob>().RunAsync(day, cancellationToken).ConfigureAwait(false);
        progress?.Report(("Composing the digest", 1, 1));
        var (written, failed) = await SendAllAsync(services, built.Batches, progress, cancellationToken).ConfigureAwait(false);

        await ExportAsync(store, day, output, cancellationToken).ConfigureAwait(false);
        var rejected = await RejectionsAsync(store, options, day, cancellationToken).ConfigureAwait(false);
        await File.WriteAllBytesAsync(Path.Combine(output, "rejected.json"), JsonSerializer.SerializeToUtf8Bytes(rejected, DigestJsonContext.Stored.IReadOnlyListRejection), cancellationToken).ConfigureAwait(false);
        return new RunReport(day, parsed, rejected, built, written, failed, imported, problems, output);
    }

    private async Task<IReadOnlyList<ParseOutcome>> ParseAllAsync(IServiceProvider services, IBlobStore store, IReadOnlyList<(InputFile File, string BlobName)> files, IProgress<(string, int, int)>? progress, CancellationToken cancellationToken)
    {
        var job = services.GetRequiredService<ParseArticleJob>();
        var outcomes = new List<ParseOutcome>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            progress?.Report(("Parsing articles", i, files.Count));
            var (file, name) = files[i];
            var (bytes, refused) = file.Refused is { } reason ? (null, reason) : await TryReadAsync(file.Path, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                outcomes.Add(await job.QuarantineUnreadAsync(name, "unreadable-input", refused!, cancellationToken).ConfigureAwait(false));
                continue;
            }

            await store.PutAsync(Containers.Articles, name, BinaryData.FromBytes(bytes), new BlobWriteOptions { ContentType = InputFiles.ContentTypeOf(name) }, cancellationToken).ConfigureAwait(false);
            outcomes.Add(await job.RunAsync(name, cancellationToken).ConfigureAwait(false));
        }

        progress?.Report(("Parsing articles", files.Count, files.Count));
        return outcomes;
    }

    private async Task<(byte[]? Bytes, string? Problem)> TryReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return (await _readFile(path, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"The file could not be read: {e.Message}");
        }
    }

    /// <summary>
    /// Reads a regular file. An entry of length zero is not opened (it is empty, or a FIFO or device, whose open or read
    /// could block forever); it is uploaded empty and rejected as such.
    /// </summary>
    private static async Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken) =>
        new FileInfo(path).Length == 0 ? [] : await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);

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
        var problems = SubscriberFile.Shown(read.Diagnostics.Concat(result.Diagnostics).Select(d => $"{d.Location}: {d.Message}").ToArray());
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

    /// <summary>The day's quarantine entries, from the store: what this run rejected and what earlier runs on the day did.</summary>
    private static async Task<IReadOnlyList<Rejection>> RejectionsAsync(IBlobStore store, DigestOptions options, DateOnly day, CancellationToken cancellationToken)
    {
        var rejections = new List<Rejection>();
        await foreach (var blob in store.ListAsync(Containers.Quarantine, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!blob.Name.EndsWith(Containers.QuarantineReasonSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            // An upload itself named "x.reason.json" is quarantined beside its own reason: only a reason naming its
            // source is one.
            Rejection? rejection;
            try
            {
                (rejection, _) = await store.ReadAsync(Containers.Quarantine, blob.Name, DigestJsonContext.Stored.Rejection, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                continue;
            }

            if (rejection is not null && Containers.QuarantineReason(rejection.Source) == blob.Name && options.DayOf(rejection.RejectedAt) == day)
            {
                rejections.Add(rejection);
            }
        }

        // Articles the build left out as stale (published more than Digest:MaxArticleAgeDays before the day).
        var (digest, _) = await store.ReadAsync(Containers.Digests, Containers.DigestJson(day), DigestJsonContext.Stored.DigestDocument, cancellationToken).ConfigureAwait(false);
        rejections.AddRange(digest?.Stale ?? []);
        return rejections.OrderBy(r => r.Source, StringComparer.Ordinal).ToArray();
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
