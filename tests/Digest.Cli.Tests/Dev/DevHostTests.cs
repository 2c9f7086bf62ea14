using Digest.Cli.Dev;
using Digest.Cli.Hosting;
using Digest.Core.Delivery;
using Digest.Core.Storage;
using Digest.Core.Stories.Embeddings;
using Digest.Testing;
using Digest.Core.Accounting;
using Digest.Core.Digests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;

namespace Digest.Cli.Tests.Dev;

public sealed class DevHostTests : IDisposable
{
    private static readonly DevOptions Fast = new() { VisibilityTimeout = TimeSpan.FromMilliseconds(50), PollInterval = TimeSpan.FromMilliseconds(50) };
    private readonly TempDirectory _dir = new();
    private readonly FileSystemBlobStore _store;
    private readonly InMemoryMessageQueue _queue = new(Containers.SendBatchesQueue, TimeProvider.System);
    private readonly InMemoryMessageQueue _poison = new(Containers.SendBatchesPoisonQueue, TimeProvider.System);
    private readonly List<ServiceProvider> _providers = [];

    public DevHostTests() => _store = new FileSystemBlobStore(_dir.Combine("store"));

    public void Dispose()
    {
        _providers.ForEach(p => p.Dispose());
        _dir.Dispose();
    }

    private DevHost Host(Action<IServiceCollection>? extra = null, DevOptions? options = null) => Services(extra, options).Host;

    private (DevHost Host, ServiceProvider Provider) Services(Action<IServiceCollection>? extra = null, DevOptions? options = null)
    {
        var configuration = CliConfiguration.Build(new Dictionary<string, string?> { ["Digest:UnsubscribeSigningKey"] = new string('k', 40) });
        var provider = CliServices.Build(configuration, TimeProvider.System, _dir.Combine("outbox"), services =>
        {
            CliServices.Shared(_store, _queue, _poison)(services);
            extra?.Invoke(services);
        });
        _providers.Add(provider);
        return (new DevHost(provider, options ?? Fast), provider);
    }

    private async Task UploadSeedsAndSubscribersAsync(int subscribers = 3)
    {
        foreach (var seed in Directory.GetFiles(Repository.Seeds))
        {
            await _store.PutAsync(Containers.Articles, Path.GetFileName(seed), BinaryData.FromBytes(await File.ReadAllBytesAsync(seed)));
        }

        var directory = new SubscriberDirectory(_store);
        for (var i = 0; i < subscribers; i++)
        {
            await directory.PutAsync(new Subscriber($"r{i}@example.com", null, SubscriberStatus.Active, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []));
        }
    }

    [Fact]
    public async Task RunOnceAsync_Now_ParsesBuildsAndSends()
    {
        await UploadSeedsAndSubscribersAsync();

        var report = await Host().RunOnceAsync(buildNow: true, CancellationToken.None);

        Assert.Equal(2, report.ArticlesParsed);
        Assert.Equal(1, report.DigestsBuilt);
        Assert.Equal(3, report.EmailsSent);
        Assert.Equal(3, Directory.GetFiles(_dir.Combine("outbox"), "*.eml").Length);
    }

    [Fact]
    public async Task RunOnceAsync_SameBlobsAgainInANewProcess_AreNotParsedAgain()
    {
        await UploadSeedsAndSubscribersAsync();
        await Host().RunOnceAsync(buildNow: false, CancellationToken.None);

        var again = await Host().RunOnceAsync(buildNow: false, CancellationToken.None);

        Assert.Equal(0, again.ArticlesParsed);
        Assert.Equal(2, again.ArticlesSkipped);
    }

    [Fact]
    public async Task RunOnceAsync_ChangedBlob_IsParsedAgain()
    {
        await UploadSeedsAndSubscribersAsync();
        var host = Host();
        await host.RunOnceAsync(buildNow: false, CancellationToken.None);
        await _store.PutAsync(Containers.Articles, "extra.txt", BinaryData.FromString("A headline\n\nA new article body that is long enough to be an article."));
        await _store.PutAsync(Containers.Articles, Path.GetFileName(Directory.GetFiles(Repository.Seeds)[0]), BinaryData.FromString("Changed headline\n\nChanged body of the first seed, now a different article."));

        var again = await host.RunOnceAsync(buildNow: false, CancellationToken.None);

        Assert.Equal(2, again.ArticlesParsed);
    }

    [Fact]
    public async Task RunOnceAsync_ManyArticles_ParsedConcurrentlyOnceEachWithSharedEmbeddingCalls()
    {
        for (var i = 0; i < 60; i++)
        {
            await _store.PutAsync(Containers.Articles, $"a{i:D5}.txt", BinaryData.FromString(GeneratedArticles.Text(i)));
        }

        var embedder = new CoalescingTextEmbedderTests.GatedEmbedder { Duration = TimeSpan.FromMilliseconds(30) };
        embedder.Release();

        var report = await Host(s => s.AddSingleton<ITextEmbedder>(embedder)).RunOnceAsync(buildNow: false, CancellationToken.None);
        var again = await Host(s => s.AddSingleton<ITextEmbedder>(embedder)).RunOnceAsync(buildNow: false, CancellationToken.None);

        Assert.Equal(60, report.ArticlesParsed);
        Assert.Equal(60, again.ArticlesSkipped);
        Assert.Equal(60, _store.ListAsync(Containers.State, "receipts/articles/", CancellationToken.None).ToBlockingEnumerable().Count());
        Assert.Equal(60, embedder.CallSizes.Sum());
        Assert.True(embedder.CallSizes.Count < 60, $"{embedder.CallSizes.Count} model calls for 60 concurrently parsed articles");
        Assert.Equal(1, embedder.MaxConcurrentCalls);
    }

    [Fact]
    public async Task RunOnceAsync_TwoHostsTogether_OneDigestAndOneEmailEach()
    {
        await UploadSeedsAndSubscribersAsync(subscribers: 5);
        var a = Host();
        var b = Host();

        var reports = await Task.WhenAll(
            Task.Run(() => a.RunOnceAsync(buildNow: true, CancellationToken.None)),
            Task.Run(() => b.RunOnceAsync(buildNow: true, CancellationToken.None)));

        Assert.Equal(1, reports.Sum(r => r.DigestsBuilt));
        Assert.Equal(5, reports.Sum(r => r.EmailsSent));
        Assert.Equal(5, Directory.GetFiles(_dir.Combine("outbox"), "*.eml").Length);
    }

    [Fact]
    public async Task RunOnceAsync_SenderKeepsFailing_BatchIsPoisonedAfterFiveDeliveries()
    {
        await UploadSeedsAndSubscribersAsync(subscribers: 2);
        var failing = new Mock<IEmailSender>();
        failing.Setup(s => s.SendAsync(It.IsAny<EmailBatch>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("provider down"));

        var report = await Host(s => s.AddSingleton(failing.Object)).RunOnceAsync(buildNow: true, CancellationToken.None);

        Assert.Equal(1, report.BatchesPoisoned);
        Assert.Equal(5, report.BatchFailures);
        Assert.Equal(1, _poison.Count);
        Assert.Equal(0, _queue.Count);
        failing.Verify(s => s.SendAsync(It.IsAny<EmailBatch>(), It.IsAny<CancellationToken>()), Times.Exactly(5));
    }

    [Fact]
    public async Task RunOnceAsync_BatchPoisoned_StatusShowsItPoisonedAndTheLastFailureIsNotAnnouncedAsRetried()
    {
        await UploadSeedsAndSubscribersAsync(subscribers: 2);
        var failing = new Mock<IEmailSender>();
        failing.Setup(s => s.SendAsync(It.IsAny<EmailBatch>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("provider down"));
        var logs = new System.Collections.Concurrent.ConcurrentQueue<string>();

        var report = await Host(s => s.AddSingleton(failing.Object).AddSingleton<ILoggerProvider>(new ListLoggerProvider(logs))).RunOnceAsync(buildNow: true, CancellationToken.None);
        var status = await new DayAccounting(_store, TimeZoneInfo.Utc).ComputeAsync(new Core.DigestOptions().DayOf(TimeProvider.System.GetUtcNow()));

        Assert.Equal(1, report.BatchesPoisoned);
        Assert.Equal(0, report.BatchesWaiting); // a poisoned batch is not waited for as if a stopped process hid it
        Assert.Equal((1, 0), (status.Batches.Poisoned, status.Batches.Pending));
        Assert.Contains(status.Problems, p => p.Contains("poisoned batch", StringComparison.Ordinal) && p.Contains("provider down", StringComparison.Ordinal));
        Assert.DoesNotContain(status.Problems, p => p.Contains("still queued", StringComparison.Ordinal));
        var lines = logs.ToArray();
        Assert.Equal(4, lines.Count(l => l.Contains("will be retried", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("failed on its last delivery (5)", StringComparison.Ordinal));
        Assert.DoesNotContain("will be retried", lines[Array.FindIndex(lines, l => l.Contains("failed on its last delivery", StringComparison.Ordinal))], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnceAsync_BatchesHiddenByAKilledProcess_AreWaitedForAndSent()
    {
        await UploadSeedsAndSubscribersAsync(subscribers: 3);
        var options = new DevOptions { VisibilityTimeout = TimeSpan.FromSeconds(2), PollInterval = TimeSpan.FromMilliseconds(100) };
        var (host, provider) = Services(options: options);
        await host.RunOnceAsync(buildNow: false, CancellationToken.None); // parse only
        await provider.GetRequiredService<BuildDigestJob>().RunAsync(new Core.DigestOptions().DayOf(TimeProvider.System.GetUtcNow()));
        // A process received the batch and was killed: the message stays invisible for its visibility timeout.
        Assert.Single(await _queue.ReceiveAsync(16, TimeSpan.FromMilliseconds(600)));

        var report = await host.RunOnceAsync(buildNow: true, CancellationToken.None);

        Assert.Equal((3, 0), (report.EmailsSent, report.BatchesWaiting));
        Assert.Equal(3, Directory.GetFiles(_dir.Combine("outbox"), "*.eml").Length);
    }

    [Fact]
    public async Task RunOnceAsync_BatchesHiddenLongerThanItWaits_SaysWhatToRun()
    {
        await UploadSeedsAndSubscribersAsync(subscribers: 3);
        var logs = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var options = new DevOptions { VisibilityTimeout = TimeSpan.FromMilliseconds(200), PollInterval = TimeSpan.FromMilliseconds(100) };
        var (host, provider) = Services(s => s.AddSingleton<ILoggerProvider>(new ListLoggerProvider(logs)), options);
        await host.RunOnceAsync(buildNow: false, CancellationToken.None);
        var day = new Core.DigestOptions().DayOf(TimeProvider.System.GetUtcNow());
        await provider.GetRequiredService<BuildDigestJob>().RunAsync(day);
        Assert.Single(await _queue.ReceiveAsync(16, TimeSpan.FromMinutes(5)));

        var report = await host.RunOnceAsync(buildNow: true, CancellationToken.None);

        Assert.Equal((0, 1), (report.EmailsSent, report.BatchesWaiting));
        Assert.Contains(logs, l => l.Contains($"run `digest send --day {day:yyyy-MM-dd}` to enqueue them again", StringComparison.Ordinal));
    }

    private sealed class ListLoggerProvider(System.Collections.Concurrent.ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(logs);

        public void Dispose()
        {
        }

        private sealed class ListLogger(System.Collections.Concurrent.ConcurrentQueue<string> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Enqueue(formatter(state, exception));
        }
    }

    [Fact]
    public async Task RunOnceAsync_GarbageMessage_IsParkedAtOnceAsTheFunctionsAppDoes()
    {
        await _queue.SendAsync("not a batch");

        var report = await Host().RunOnceAsync(buildNow: false, CancellationToken.None);

        Assert.Equal((1, 0), (report.MessagesParked, report.BatchesPoisoned));
        Assert.Equal((0, 0), (_queue.Count, _poison.Count));
        var parked = Assert.Single(_store.ListAsync(Containers.Digests, "parked/send-batches/", CancellationToken.None).ToBlockingEnumerable());
        Assert.Contains("not a batch", (await _store.GetAsync(Containers.Digests, parked.Name))!.Content.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StorageDownThenBack_ResumesAndDeliversExactlyOnce()
    {
        await UploadSeedsAndSubscribersAsync(subscribers: 3);
        var outage = OutageStore.Wrap(_store);
        outage.Down = true;
        var host = Host(s => s.AddSingleton<IBlobStore>((IBlobStore)outage));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var cycles = new List<DevCycleReport>();

        var running = host.RunAsync(buildNow: true, cycles.Add, stop.Token);
        await Task.Delay(500);
        Assert.False(running.IsCompleted, "dev stopped during the outage");
        Assert.False(Directory.Exists(_dir.Combine("outbox")) && Directory.GetFiles(_dir.Combine("outbox")).Length > 0);
        outage.Down = false;
        while (!stop.IsCancellationRequested && (!Directory.Exists(_dir.Combine("outbox")) || Directory.GetFiles(_dir.Combine("outbox"), "*.eml").Length < 3))
        {
            await Task.Delay(100);
        }

        await Task.Delay(500); // time for a duplicate to show up, if there were one
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.Equal(3, Directory.GetFiles(_dir.Combine("outbox"), "*.eml").Length);
        Assert.Equal(1, cycles.Sum(c => c.DigestsBuilt));
    }

    /// <summary>The store, or "connection refused" on every call while <see cref="Down"/>.</summary>
    public class OutageStore : System.Reflection.DispatchProxy
    {
        private IBlobStore _inner = null!;

        public bool Down { get; set; }

        public static OutageStore Wrap(IBlobStore inner)
        {
            var proxy = (OutageStore)(object)Create<IBlobStore, OutageStore>();
            proxy._inner = inner;
            return proxy;
        }

        protected override object? Invoke(System.Reflection.MethodInfo? targetMethod, object?[]? args) =>
            Down ? throw new HttpRequestException("Connection refused (127.0.0.1:10000)") : targetMethod!.Invoke(_inner, args);
    }

    [Fact]
    public void DailySchedule_FiresOncePerOccurrence()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var schedule = new DailySchedule("0 0 6 * * *", zone, new DateTimeOffset(2025, 9, 2, 3, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2025, 9, 2, 4, 0, 0, TimeSpan.Zero), schedule.Next.ToUniversalTime()); // 06:00 Paris = 04:00 UTC in summer
        Assert.False(schedule.IsDue(new DateTimeOffset(2025, 9, 2, 3, 59, 0, TimeSpan.Zero)));
        Assert.True(schedule.IsDue(new DateTimeOffset(2025, 9, 2, 4, 0, 1, TimeSpan.Zero)));
        Assert.False(schedule.IsDue(new DateTimeOffset(2025, 9, 2, 4, 0, 2, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("0 6 * * *")]
    [InlineData("every day")]
    public void DailySchedule_BadExpression_SaysWhy(string expression)
    {
        var e = Assert.Throws<ArgumentException>(() => new DailySchedule(expression, TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch));

        Assert.Contains("six-field", e.Message);
    }
}
