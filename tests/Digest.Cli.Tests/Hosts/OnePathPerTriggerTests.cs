using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues.Models;
using Digest.Cli.Dev;
using Digest.Cli.Hosting;
using Digest.Core.Storage;
using Digest.Functions;
using Digest.Functions.Functions.ParseArticle;
using Digest.Functions.Functions.SendDigest;
using Digest.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Moq;
using BlobProperties = Digest.Core.Storage.BlobProperties;

namespace Digest.Cli.Tests.Hosts;

/// <summary>
/// Issue 22, acceptance 1: a malformed queue message, a bad blob name and a storage failure end the same way in the
/// Functions app (its function classes, created from AddDigestFunctions as the worker creates them) and in `digest dev`
/// (DevHost, polling the same store and queue): what is written where, the reason, every log line, and whether the
/// input is delivered again. Both hosts run the same Core trigger, so the rows only differ in how the input arrives.
/// </summary>
public sealed class OnePathPerTriggerTests : IDisposable
{
    private const string Article = "harbour-ferry.txt";
    private const string FunctionsMessageId = "4c1f0b2e-9d3a-4e5f-8a7b-6c5d4e3f2a1b";
    private static readonly DateTimeOffset Now = new(2025, 9, 2, 6, 0, 3, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>What one delivery of the input led to, with the host's message id written as {id}.</summary>
    private sealed record Observed(string Written, string? Reason, string Log, bool DeliveredAgain);

    public static TheoryData<string> Cases() => ["malformed queue message", "blob name with ..", "blob name over 1,024 characters", "storage failure"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Trigger_SameInputInBothHosts_SameOutcome(string input)
    {
        var functions = await FunctionsAsync(input);
        var dev = await DevAsync(input);

        Assert.Equal(functions, dev);
        switch (input)
        {
            case "malformed queue message":
                Assert.Equal("digests/parked/send-batches/2025-09-02/{id}.json", functions.Written);
                Assert.StartsWith("not a send-batch message", functions.Reason, StringComparison.Ordinal);
                Assert.Contains("SendDigest: unusable message {id} parked at digests/parked/send-batches/2025-09-02/{id}.json: not a send-batch message", functions.Log, StringComparison.Ordinal);
                Assert.False(functions.DeliveredAgain);
                break;
            case "storage failure":
                Assert.Equal(string.Empty, functions.Written);
                Assert.Equal($"Warning: ParseArticle {Article}: failed (IOException: storage account unreachable); the trigger delivers it again", functions.Log);
                Assert.True(functions.DeliveredAgain);
                break;
            default:
                Assert.Matches("^quarantine/~invalid-names/[0-9a-f]{32}\\.reason\\.json$", functions.Written);
                Assert.Contains("not a valid article name", functions.Reason, StringComparison.Ordinal);
                Assert.Contains($"Warning: Quarantined {BadName(input)}: invalid-name: The blob name is not a valid article name", functions.Log, StringComparison.Ordinal);
                Assert.Contains($"Information: ParseArticle {BadName(input)}: Quarantined", functions.Log, StringComparison.Ordinal);
                Assert.False(functions.DeliveredAgain);
                break;
        }
    }

    private static string BadName(string input) => input == "blob name with .." ? "2025/../" + Article : "2025/" + new string('x', 1100) + ".txt";

    private async Task<Observed> FunctionsAsync(string input)
    {
        var (store, root) = await StoreAsync("functions", input);
        var logs = new Lines();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Digest:UnsubscribeSigningKey"] = new string('k', 40) }).Build();
        var services = new ServiceCollection().AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information)).AddDigestFunctions(configuration);
        services.RemoveAll<IBlobStore>();
        services.AddSingleton(store.Store);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        await using var provider = services.BuildServiceProvider();

        var threw = false;
        try
        {
            if (input == "malformed queue message")
            {
                var message = QueuesModelFactory.QueueMessage(FunctionsMessageId, "pop-receipt", BinaryData.FromString("send everyone the digest please"), 1);
                await ActivatorUtilities.CreateInstance<SendDigestFunction>(provider).RunAsync(message, CancellationToken.None);
            }
            else
            {
                var blob = new Mock<BlobClient>();
                blob.SetupGet(b => b.BlobContainerName).Returns(Containers.Articles);
                blob.SetupGet(b => b.Name).Returns(input == "storage failure" ? Article : BadName(input));
                await ActivatorUtilities.CreateInstance<ParseArticleFunction>(provider).RunAsync(blob.Object, CancellationToken.None);
            }
        }
        catch (IOException)
        {
            threw = true; // the host delivers it again
        }

        return await ObserveAsync(root, logs, FunctionsMessageId, threw);
    }

    private async Task<Observed> DevAsync(string input)
    {
        var (store, root) = await StoreAsync("dev", input);
        var logs = new Lines();
        var queue = new InMemoryMessageQueue(Containers.SendBatchesQueue, TimeProvider.System);
        var poison = new InMemoryMessageQueue(Containers.SendBatchesPoisonQueue, TimeProvider.System);
        var configuration = CliConfiguration.Build(new Dictionary<string, string?> { ["Digest:UnsubscribeSigningKey"] = new string('k', 40) });
        await using var provider = CliServices.Build(configuration, new FakeTimeProvider(Now), _dir.Combine("outbox"), services =>
        {
            CliServices.Shared(store.Store, queue, poison)(services);
            services.AddSingleton<ILoggerProvider>(logs);
        }, LogLevel.Information);
        await using var host = new DevHost(provider, new DevOptions());
        if (input == "malformed queue message")
        {
            await queue.SendAsync("send everyone the digest please");
        }

        await host.RunOnceAsync(buildNow: false, CancellationToken.None);
        var observed = await ObserveAsync(root, logs, "000000000001", threw: false);
        Assert.Equal(0, poison.Count);

        // Delivered again? The store is back: the next cycle does something only with an input left to retry.
        store.Down = false;
        var again = await host.RunOnceAsync(buildNow: false, CancellationToken.None);
        return observed with { DeliveredAgain = again != DevCycleReport.Empty };
    }

    /// <summary>A fresh store: with one upload whose reads fail in the storage-failure case, listing a bad name in the bad-name cases.</summary>
    private async Task<(TriggerStore Store, FileSystemBlobStore Root)> StoreAsync(string host, string input)
    {
        var root = new FileSystemBlobStore(_dir.Combine(host));
        var store = TriggerStore.Wrap(root);
        if (input == "storage failure")
        {
            await root.PutAsync(Containers.Articles, Article, BinaryData.FromString("Harbour ferry timetable changes from Monday\nThe harbour ferry will run every 20 minutes on weekdays.\n"));
            store.Down = true;
        }

        store.Listed = input.StartsWith("blob name", StringComparison.Ordinal) ? BadName(input) : null;
        return (store, root);
    }

    private static async Task<Observed> ObserveAsync(FileSystemBlobStore root, Lines logs, string messageId, bool threw)
    {
        var written = new List<string>();
        string? reason = null;
        foreach (var container in new[] { Containers.Quarantine, Containers.Parsed, Containers.Digests })
        {
            await foreach (var blob in root.ListAsync(container))
            {
                written.Add($"{container}/{blob.Name}");
                using var json = JsonDocument.Parse((await root.GetAsync(container, blob.Name))!.Content.ToString());
                reason = json.RootElement.TryGetProperty("reason", out var r) ? r.GetString() : json.RootElement.GetProperty("problem").GetString();
            }
        }

        var log = string.Join('\n', logs.All);
        return new Observed(string.Join('\n', written).Replace(messageId, "{id}", StringComparison.Ordinal), reason, log.Replace(messageId, "{id}", StringComparison.Ordinal), threw);
    }

    /// <summary>The store, with article reads failing while <see cref="Down"/>, and one more name in the articles listing.</summary>
    public class TriggerStore : DispatchProxy
    {
        private IBlobStore _inner = null!;

        public bool Down { get; set; }

        public string? Listed { get; set; }

        /// <summary>This proxy as the store it stands for.</summary>
        public IBlobStore Store => (IBlobStore)(object)this;

        public static TriggerStore Wrap(IBlobStore inner)
        {
            var proxy = (TriggerStore)(object)Create<IBlobStore, TriggerStore>();
            proxy._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var reads = targetMethod!.Name is nameof(IBlobStore.GetAsync) or nameof(IBlobStore.GetPropertiesAsync);
            if (Down && reads && (string?)args![0] == Containers.Articles)
            {
                throw new IOException("storage account unreachable");
            }

            var result = targetMethod.Invoke(_inner, args);
            return targetMethod.Name == nameof(IBlobStore.ListAsync) && (string?)args![0] == Containers.Articles && Listed is { } name
                ? ((IAsyncEnumerable<BlobProperties>)result!).Append(new BlobProperties(name, "\"0x1\"", 10, "text/plain", Now, new Dictionary<string, string>()))
                : result;
        }
    }

    private sealed class Lines : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IEnumerable<string> All => _lines;

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
        }
    }
}
