using System.Text.Json;
using Digest.Core.Delivery;
using Digest.Core.Storage;
using Digest.Functions.Functions.SendDigest;
using Digest.Functions.Tests.Support;
using Digest.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Digest.Functions.Tests.Functions;

public sealed class SendDigestFunctionTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FileSystemBlobStore _store;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 9, 2, 6, 0, 3, TimeSpan.Zero));
    private readonly List<SendBatchMessage> _sent = [];

    public SendDigestFunctionTests() => _store = new FileSystemBlobStore(_temp.Path);

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("queue.json", "1")]
    [InlineData("queue-object.json", "3")]
    public async Task Invoke_BatchMessage_RunsTheJobWithTheMessage(string payload, string attempt)
    {
        using var factory = Factory(Succeed);

        var answer = await Payloads.ReadAnswerAsync(await Payloads.InvokeAsync(factory.CreateClient(), "SendDigest", payload));

        Assert.Equal(200, answer.Status);
        var message = Assert.Single(_sent);
        Assert.Equal(new DateOnly(2025, 9, 2), message.Day);
        Assert.Equal("2025-09-02", message.DigestId);
        Assert.Equal("b0001", message.BatchId);
        Assert.Equal(["3f2a9c1b7d6e5f4a3b2c1d0e9f8a7b6c", "0a1b2c3d4e5f60718293a4b5c6d7e8f9"], message.SubscriberKeys);
        Assert.Equal(
            [$"Sending batch b0001 of digest 2025-09-02 to 2 subscribers (attempt {attempt})", "Batch b0001: sent 2, already sent 0, skipped 0, failed 0"],
            answer.Logs);
        Assert.Empty(await ParkedAsync());
    }

    [Fact]
    public async Task Invoke_DoubleEncodedMessage_IsReadOnceUnwrapped()
    {
        using var factory = Factory(Succeed);
        var inner = "{\"day\":\"2025-09-02\",\"digestId\":\"2025-09-02\",\"batchId\":\"b0002\",\"subscriberKeys\":[\"k1\"]}";
        var body = JsonSerializer.Serialize(new { Data = new { message = JsonSerializer.Serialize(inner) }, Metadata = new { DequeueCount = 1 } });

        var answer = await Payloads.ReadAnswerAsync(await factory.CreateClient().PostAsync("/SendDigest", Payloads.Json(body)));

        Assert.Equal(200, answer.Status);
        Assert.Equal("b0002", Assert.Single(_sent).BatchId);
    }

    [Fact]
    public async Task Invoke_MessageIsNotJson_Returns200AndParksIt()
    {
        using var factory = Factory(Succeed);

        var answer = await Payloads.ReadAnswerAsync(await Payloads.InvokeAsync(factory.CreateClient(), "SendDigest", "queue-malformed.json"));

        Assert.Equal(200, answer.Status);
        Assert.StartsWith("ERROR: unusable send-batches message 9e8d7c6b-5a49-4838-a726-150f4e3d2c1b", answer.Logs[0], StringComparison.Ordinal);
        Assert.Empty(_sent);
        var parked = Assert.Single(await ParkedAsync());
        Assert.Equal("parked/send-batches/2025-09-02/9e8d7c6b-5a49-4838-a726-150f4e3d2c1b.json", parked.Name);
        using var json = JsonDocument.Parse((await _store.GetAsync(Containers.Digests, parked.Name))!.Content.ToString());
        Assert.Equal("send everyone the digest please", json.RootElement.GetProperty("Message").GetString());
        Assert.Equal("1", json.RootElement.GetProperty("DequeueCount").GetString());
        Assert.StartsWith("not a send-batch message", json.RootElement.GetProperty("Problem").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "day is missing")]
    [InlineData("null", "the message is JSON null")]
    [InlineData("{\"day\":\"2025-09-02\",\"batchId\":\"b1\",\"subscriberKeys\":[]}", "digestId is missing")]
    [InlineData("{\"day\":\"2025-09-02\",\"digestId\":\"d\",\"batchId\":\"../../x\",\"subscriberKeys\":[]}", "batchId is missing or not made of")]
    [InlineData("{\"day\":\"2025-09-02\",\"digestId\":\"d\",\"batchId\":\"b1\"}", "subscriberKeys is missing")]
    [InlineData("{\"day\":\"2025-09-02\",\"digestId\":\"d\",\"batchId\":\"b1\",\"subscriberKeys\":[\"\"]}", "subscriberKeys holds an empty or unsafe key")]
    [InlineData("{\"day\":\"yesterday\",\"digestId\":\"d\",\"batchId\":\"b1\",\"subscriberKeys\":[]}", "not a send-batch message")]
    public async Task Invoke_MessageOfWrongShape_ParksItWithTheProblem(string message, string problem)
    {
        using var factory = Factory(Succeed);
        var body = JsonSerializer.Serialize(new { Data = new { message }, Metadata = new { DequeueCount = 1 } });

        var answer = await Payloads.ReadAnswerAsync(await factory.CreateClient().PostAsync("/SendDigest", Payloads.Json(body)));

        Assert.Equal(200, answer.Status);
        Assert.Contains(problem, answer.Logs[0], StringComparison.Ordinal);
        Assert.Empty(_sent);
        var parked = Assert.Single(await ParkedAsync());
        // No queue id in this payload: the blob is named by a hash of the content (same message, same blob).
        Assert.Matches("^parked/send-batches/2025-09-02/[0-9a-f]{32}\\.json$", parked.Name);
    }

    [Fact]
    public async Task Invoke_JobFails_Returns500SoTheHostRetriesThenPoisons()
    {
        using var factory = Factory((_, _) => throw new HttpRequestException("SendGrid 503"));

        var answer = await Payloads.ReadAnswerAsync(await Payloads.InvokeAsync(factory.CreateClient(), "SendDigest", "queue.json"));

        Assert.Equal(500, answer.Status);
        Assert.StartsWith("Sending batch b0001", answer.Logs[0], StringComparison.Ordinal);
        Assert.Equal("SendDigest failed: HttpRequestException: SendGrid 503", answer.Logs[^1]);
    }

    [Fact]
    public async Task Invoke_ParkingFails_Returns500SoNothingIsLost()
    {
        var failing = new Mock<IBlobStore>(MockBehavior.Strict);
        failing.Setup(s => s.PutAsync(Containers.Digests, It.IsAny<string>(), It.IsAny<BinaryData>(), It.IsAny<BlobWriteOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("disk full"));
        using var factory = Factory(Succeed, failing.Object);

        var answer = await Payloads.ReadAnswerAsync(await Payloads.InvokeAsync(factory.CreateClient(), "SendDigest", "queue-malformed.json"));

        Assert.Equal(500, answer.Status);
        failing.VerifyAll();
    }

    [Theory]
    [InlineData("{\"Data\": {}, \"Metadata\": {\"DequeueCount\": 1}}")]
    [InlineData("{\"Data\": {\"message\": null}}")]
    [InlineData("{\"Data\": {\"message\": \"x\"}, \"Metadata\": 5}")]
    public async Task Invoke_MalformedPayload_Returns400(string body)
    {
        using var factory = Factory(Succeed);

        var answer = await Payloads.ReadAnswerAsync(await factory.CreateClient().PostAsync("/SendDigest", Payloads.Json(body)));

        Assert.Equal(400, answer.Status);
        Assert.Empty(_sent);
        Assert.Empty(await ParkedAsync());
    }

    private static Task<SendBatchOutcome> Succeed(SendBatchMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(new SendBatchOutcome(message.BatchId, message.SubscriberKeys.Count, 0, 0, 0));

    private HandlerFactory Factory(RunSendDigest run, IBlobStore? store = null) =>
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
