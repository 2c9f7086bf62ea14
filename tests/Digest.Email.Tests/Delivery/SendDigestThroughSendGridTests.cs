using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Digest.Core;
using Digest.Core.Articles;
using Digest.Core.Delivery;
using Digest.Core.Digests;
using Digest.Core.Json;
using Digest.Core.Storage;
using Digest.Email.Tests.SendGrid;
using Digest.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digest.Email.Tests.Delivery;

/// <summary>
/// The send path as it runs in production: BuildDigestJob enqueues batches, SendDigestJob sends each through the real
/// SendGrid client to the fake server (30% of requests fail with 429, 500 or a timeout), and the queue redelivers a
/// batch whose invocation failed. One batch is rejected by SendGrid with 400.
/// </summary>
public sealed class SendDigestThroughSendGridTests : IDisposable
{
    private static readonly DateOnly Day = new(2025, 9, 2);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task SendBatches_ThirtyPercentFaultsAndOne400_EveryoneElseAcceptedExactlyOnceAndThe400BatchParked()
    {
        await using var server = await FakeSendGridServer.StartAsync(seed: 7);
        server.FaultRate = 0.3;
        server.TimeoutDelay = TimeSpan.FromSeconds(3);
        var logs = new ConcurrentQueue<string>();
        // The sender's own logs (retries, rejections) are collected too: none may name an address.
        var sender = SendGridTestSetup.Sender(server, o => o.AttemptTimeout = TimeSpan.FromSeconds(2), s => s.AddLogging(l => l.AddProvider(new CollectingLoggerProvider(logs))));
        var store = new FileSystemBlobStore(_dir.Path);
        var queue = new InMemoryMessageQueue(Containers.SendBatchesQueue, TimeProvider.System);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Digest:BatchSize"] = "40",
            ["Digest:UnsubscribeSigningKey"] = new string('k', 40),
            ["Digest:PublicBaseUrl"] = "https://digest.example.com",
        }).Build();
        await using var services = new ServiceCollection()
            .AddLogging(l => l.AddProvider(new CollectingLoggerProvider(logs)))
            .AddSingleton<IBlobStore>(store)
            .AddKeyedSingleton<IMessageQueue>(Containers.SendBatchesQueue, queue)
            .AddSingleton(sender)
            .AddDigestCore(configuration)
            .BuildServiceProvider();

        var article = new Article("a1", "Harbour bridge reopens", "Harbour Times", null, null, null, [new ArticleSection(null, ["The bridge reopened on Tuesday."])], [], "en", "a1", "a1.txt", ArticleFormat.PlainText);
        await store.WriteAsync(Containers.Parsed, Containers.ParsedArticle(Day, "a1"), article, DigestJsonContext.Stored.Article);
        var directory = services.GetRequiredService<SubscriberDirectory>();
        var emails = Enumerable.Range(0, 200).Select(i => $"reader{i:D3}@example.com").ToArray();
        foreach (var email in emails)
        {
            await directory.PutAsync(new Subscriber(email, null, SubscriberStatus.Active, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []));
        }

        var built = await services.GetRequiredService<BuildDigestJob>().RunAsync(Day);
        Assert.Equal(5, built.Batches);

        // The queue: receive, run the job, delete on success; a failed invocation is redelivered on the next round.
        var job = services.GetRequiredService<SendDigestJob>();
        var rejectedBatch = "batch-00003";
        string[] rejectedKeys = [];
        for (var round = 0; round < 30 && queue.Count > 0; round++)
        {
            foreach (var message in await queue.ReceiveAsync(10, TimeSpan.Zero))
            {
                var batch = JsonSerializer.Deserialize(message.Body, DigestJsonContext.Stored.SendBatchMessage)!;
                if (batch.BatchId == rejectedBatch)
                {
                    rejectedKeys = [.. batch.SubscriberKeys];
                }

                server.ForcedError = batch.BatchId == rejectedBatch ? (HttpStatusCode.BadRequest, "The from address does not match a verified Sender Identity.", "from") : null;
                try
                {
                    await job.RunAsync(batch);
                    await queue.DeleteAsync(message);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Left on the queue: redelivered next round, as the Functions host would.
                }
            }
        }

        Assert.Equal(0, queue.Count);
        Assert.True(server.FaultsInjected > 0, "the fake injected faults");
        var rejected = emails.Where(e => rejectedKeys.Contains(SubscriberKey.For(e))).ToHashSet();
        Assert.Equal(40, rejected.Count);
        foreach (var email in emails)
        {
            Assert.Equal(rejected.Contains(email) ? 0 : 1, server.Ledger.GetValueOrDefault(email));
        }

        var (parked, _) = await store.ReadAsync(Containers.Digests, Containers.Parked(Day, rejectedBatch), DigestJsonContext.Stored.ParkedBatch);
        Assert.Equal(40, parked!.Failures.Count);
        Assert.Contains("The from address does not match a verified Sender Identity.", parked.Failures.Values.First());
        Assert.Contains(logs, l => l.Contains("The from address does not match a verified Sender Identity.", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains("@example.com", StringComparison.Ordinal));
    }

    private sealed class CollectingLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(logs);

        public void Dispose()
        {
        }

        private sealed class Collector(ConcurrentQueue<string> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : " " + exception.Message));
        }
    }
}
