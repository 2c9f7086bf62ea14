using System.Text.Json;
using Azure.Storage.Queues.Models;
using Digest.Core.Delivery;
using Digest.Core.Storage;
using Digest.Core.Triggers;
using Digest.Functions.Functions.SendDigest;
using Digest.Functions.Tests.Support;
using Digest.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using BlobProperties = Digest.Core.Storage.BlobProperties;
using QueueMessage = Azure.Storage.Queues.Models.QueueMessage;

namespace Digest.Functions.Tests.Functions;

public sealed class SendDigestFunctionTests : IDisposable
{
    private const string Batch = "{\"day\":\"2025-09-02\",\"digestId\":\"2025-09-02\",\"batchId\":\"b0001\",\"subscriberKeys\":[\"3f2a9c1b7d6e5f4a3b2c1d0e9f8a7b6c\",\"0a1b2c3d4e5f60718293a4b5c6d7e8f9\"]}";
    private readonly TempDirectory _temp = new();
    private readonly FileSystemBlobStore _store;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 9, 2, 6, 0, 3, TimeSpan.Zero));
    private readonly List<SendBatchMessage> _sent = [];

    public SendDigestFunctionTests() => _store = new FileSystemBlobStore(_temp.Path);

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Run_BatchMessage_RunsTheJobWithTheMessage(long attempt)
    {
        using var host = Host(Succeed);

        await host.Create<SendDigestFunction>().RunAsync(Message(Batch, dequeueCount: attempt), CancellationToken.None);

        var message = Assert.Single(_sent);
        Assert.Equal(new DateOnly(2025, 9, 2), message.Day);
        Assert.Equal("2025-09-02", message.DigestId);
        Assert.Equal("b0001", message.BatchId);
        Assert.Equal(["3f2a9c1b7d6e5f4a3b2c1d0e9f8a7b6c", "0a1b2c3d4e5f60718293a4b5c6d7e8f9"], message.SubscriberKeys);
        Assert.Contains($"SendDigest batch b0001 of digest 2025-09-02 (dequeue {attempt}): sending to 2 subscribers", host.Logs.All, StringComparison.Ordinal);
        Assert.Contains($"SendDigest batch b0001 (dequeue {attempt}): sent 2, already sent 0, skipped 0, failed 0", host.Logs.All, StringComparison.Ordinal);
        Assert.Empty(await ParkedAsync());
    }

    [Fact]
    public async Task Run_DoubleEncodedMessage_IsReadOnceUnwrapped()
    {
        using var host = Host(Succeed);
        var inner = "{\"day\":\"2025-09-02\",\"digestId\":\"2025-09-02\",\"batchId\":\"b0002\",\"subscriberKeys\":[\"k1\"]}";

        await host.Create<SendDigestFunction>().RunAsync(Message(JsonSerializer.Serialize(inner)), CancellationToken.None);

        Assert.Equal("b0002", Assert.Single(_sent).BatchId);
    }

    [Fact]
    public async Task Run_MessageIsNotJson_CompletesAndParksIt()
    {
        using var host = Host(Succeed);

        await host.Create<SendDigestFunction>().RunAsync(Message("send everyone the digest please", id: "9e8d7c6b-5a49-4838-a726-150f4e3d2c1b"), CancellationToken.None);

        Assert.Empty(_sent);
        var parked = Assert.Single(await ParkedAsync());
        Assert.Equal("parked/send-batches/2025-09-02/9e8d7c6b-5a49-4838-a726-150f4e3d2c1b.json", parked.Name);
        using var json = JsonDocument.Parse((await _store.GetAsync(Containers.Digests, parked.Name))!.Content.ToString());
        Assert.Equal("send everyone the digest please", json.RootElement.GetProperty("message").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("dequeueCount").GetInt64());
        Assert.StartsWith("not a send-batch message", json.RootElement.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.Contains("unusable message 9e8d7c6b-5a49-4838-a726-150f4e3d2c1b parked at digests/parked/send-batches/2025-09-02/", host.Logs.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "day is missing")]
    [InlineData("null", "the message is JSON null")]
    [InlineData("", "not a send-batch message")]
    [InlineData("{\"day\":\"2025-09-02\",\"batchId\":\"b1\",\"subscriberKeys\":[]}", "digestId is missing")]
    [InlineData("{\"day\":\"2025-09-02\",\"digestId\":\"d\",\"batchId\":\"../../x\",\"subscriberKeys\":[]}", "batchId is missing or not made of")]
    [InlineData("{\"day\":\"2025-09-02\",\"digestId\":\"d\",\"batchId\":\"b1\"}", "subscriberKeys is missing")]
    [InlineData("{\"day\":\"2025-09-02\",\"digestId\":\"d\",\"batchId\":\"b1\",\"subscriberKeys\":[\"\"]}", "subscriberKeys holds an empty or unsafe key")]
    [InlineData("{\"day\":\"yesterday\",\"digestId\":\"d\",\"batchId\":\"b1\",\"subscriberKeys\":[]}", "not a send-batch message")]
    public async Task Run_MessageOfWrongShape_ParksItWithTheProblem(string body, string problem)
    {
        using var host = Host(Succeed);

        // An unsafe message id (not usable in a blob name): the blob is named by a hash of the content instead.
        await host.Create<SendDigestFunction>().RunAsync(Message(body, id: "../bad id"), CancellationToken.None);

        Assert.Empty(_sent);
        var parked = Assert.Single(await ParkedAsync());
        Assert.Matches("^parked/send-batches/2025-09-02/[0-9a-f]{32}\\.json$", parked.Name);
        using var json = JsonDocument.Parse((await _store.GetAsync(Containers.Digests, parked.Name))!.Content.ToString());
        Assert.Contains(problem, json.RootElement.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_JobFails_ThrowsSoTheHostRetriesThenPoisons()
    {
        using var host = Host((_, _) => throw new HttpRequestException("SendGrid 503"));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => host.Create<SendDigestFunction>().RunAsync(Message(Batch), CancellationToken.None));

        Assert.Equal("SendGrid 503", error.Message);
        Assert.Contains("SendDigest batch b0001 of digest 2025-09-02", host.Logs.All, StringComparison.Ordinal);
        Assert.Empty(await ParkedAsync());
    }

    [Fact]
    public async Task Run_JobFailsOnTheLastDelivery_MarksTheBatchPoisonedForStatus()
    {
        using var host = Host((_, _) => throw new HttpRequestException("SendGrid 503"));

        await Assert.ThrowsAsync<HttpRequestException>(() => host.Create<SendDigestFunction>().RunAsync(Message(Batch, dequeueCount: 4), CancellationToken.None));
        var beforeLast = await _store.GetPropertiesAsync(Containers.Digests, Containers.Poisoned(new DateOnly(2025, 9, 2), "b0001"));
        await Assert.ThrowsAsync<HttpRequestException>(() => host.Create<SendDigestFunction>().RunAsync(Message(Batch, dequeueCount: SendDigestFunction.MaxDequeueCount), CancellationToken.None));

        Assert.Null(beforeLast);
        var (poisoned, _) = await _store.ReadAsync(Containers.Digests, Containers.Poisoned(new DateOnly(2025, 9, 2), "b0001"), Digest.Core.Json.DigestJsonContext.Stored.PoisonedBatch);
        Assert.Equal(("b0001", "SendGrid 503"), (poisoned!.BatchId, poisoned.Reason));
    }

    [Fact]
    public async Task Run_ParkingFails_ThrowsSoNothingIsLost()
    {
        var failing = new Mock<IBlobStore>(MockBehavior.Strict);
        failing.Setup(s => s.PutAsync(Containers.Digests, It.IsAny<string>(), It.IsAny<BinaryData>(), It.IsAny<BlobWriteOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("disk full"));
        using var host = Host(Succeed, failing.Object);

        await Assert.ThrowsAsync<IOException>(() => host.Create<SendDigestFunction>().RunAsync(Message("not json"), CancellationToken.None));

        failing.VerifyAll();
    }

    [Fact]
    public void HostJson_PoisonsAfterFiveDequeues()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "host.json")));
        var queues = json.RootElement.GetProperty("extensions").GetProperty("queues");

        Assert.Equal(SendDigestFunction.MaxDequeueCount, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
    }

    private static QueueMessage Message(string body, long dequeueCount = 1, string id = "4c1f0b2e-9d3a-4e5f-8a7b-6c5d4e3f2a1b") =>
        QueuesModelFactory.QueueMessage(id, "pop-receipt", BinaryData.FromString(body), dequeueCount);

    private static Task<SendBatchOutcome> Succeed(SendBatchMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(new SendBatchOutcome(message.BatchId, message.SubscriberKeys.Count, 0, 0, 0));

    private FunctionsHost Host(RunSendDigest run, IBlobStore? store = null) =>
        new(store ?? _store, _time, services => services.AddSingleton<RunSendDigest>((message, ct) =>
        {
            _sent.Add(message);
            return run(message, ct);
        }));

    private async Task<List<BlobProperties>> ParkedAsync()
    {
        var parked = new List<BlobProperties>();
        await foreach (var blob in _store.ListAsync(Containers.Digests, "parked/"))
        {
            parked.Add(blob);
        }

        return parked;
    }
}
