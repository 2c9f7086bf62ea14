using Azure.Storage.Queues;
using Digest.Azure.Tests.Support;
using Digest.Testing;

namespace Digest.Azure.Tests;

/// <summary>The IMessageQueue adapter on Azurite.</summary>
public sealed class AzureMessageQueueTests : IAsyncLifetime
{
    private readonly string _name = StorageTestNames.Unique("q");
    private QueueClient? _client;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DeleteIfExistsAsync();
        }
    }

    [AzuriteFact]
    public async Task SendReceiveDelete_QueueCreatedOnFirstUse_DeliversOnceThenEmpty()
    {
        var queue = Create();

        await queue.SendAsync("{\"batchId\":\"b1\"}");
        var received = await queue.ReceiveAsync(10, TimeSpan.FromSeconds(30));
        await queue.DeleteAsync(received[0]);

        var message = Assert.Single(received);
        Assert.Equal(_name, queue.Name);
        Assert.Equal("{\"batchId\":\"b1\"}", message.Body);
        Assert.Equal(1, message.DequeueCount);
        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(1)));
    }

    [AzuriteFact]
    public async Task ReceiveAsync_BeforeAnySend_CreatesQueueAndReturnsEmpty()
    {
        var queue = Create();

        Assert.Empty(await queue.ReceiveAsync(5, TimeSpan.FromSeconds(1)));
        Assert.True((await _client!.ExistsAsync()).Value);
    }

    [AzuriteFact]
    public async Task DeleteAsync_StaleOrAlreadyDeleted_DoesNotThrow()
    {
        var queue = Create();
        await queue.SendAsync("m");
        var first = (await queue.ReceiveAsync(1, TimeSpan.FromSeconds(1)))[0];
        Core.Storage.QueueMessage? again = null;
        for (var i = 0; i < 50 && again is null; i++)
        {
            await Task.Delay(200);
            again = (await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30))).SingleOrDefault();
        }

        await queue.DeleteAsync(first); // stale pop receipt: the message was received again
        await queue.DeleteAsync(again!);
        await queue.DeleteAsync(again!); // already gone

        Assert.Equal(2, again!.DequeueCount);
        Assert.Equal(0, (await _client!.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [AzuriteFact]
    public async Task SendAsync_WireFormat_IsBase64AsTheFunctionsQueueTriggerExpects()
    {
        var queue = Create();

        await queue.SendAsync("{\"day\":\"2025-09-02\"}");
        var raw = (await StorageTestNames.Azurite().CreateQueueServiceClient(RawOptions()).GetQueueClient(_name).PeekMessagesAsync()).Value;

        Assert.Equal("eyJkYXkiOiIyMDI1LTA5LTAyIn0=", Assert.Single(raw).Body.ToString());
    }

    [AzuriteFact]
    public async Task ReceiveAsync_PlainTextFromAnotherWriter_GoesToPoisonQueueAndTheRestIsDelivered()
    {
        var queue = Create();
        var poison = new AzureMessageQueue(StorageTestNames.Azurite().CreateQueueServiceClient().GetQueueClient(_name + "-poison"));
        await queue.SendAsync("first");
        await StorageTestNames.Azurite().CreateQueueServiceClient(RawOptions()).GetQueueClient(_name).SendMessageAsync("not base64 {");

        try
        {
            var received = await queue.ReceiveAsync(10, TimeSpan.FromSeconds(30));
            await queue.DeleteAsync(received[0]);

            Assert.Equal("first", Assert.Single(received).Body);
            Assert.Equal("not base64 {", Assert.Single(await poison.ReceiveAsync(10, TimeSpan.FromSeconds(30))).Body);
            Assert.Equal(0, (await _client!.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        }
        finally
        {
            await StorageTestNames.Azurite().CreateQueueServiceClient().GetQueueClient(_name + "-poison").DeleteIfExistsAsync();
        }
    }

    // The same service version as the product's clients (Azurite refuses the SDK's newest), without base64.
    private static QueueClientOptions RawOptions()
    {
        var options = StorageClientDefaults.Queue();
        options.MessageEncoding = QueueMessageEncoding.None;
        return options;
    }

    private AzureMessageQueue Create()
    {
        _client = StorageTestNames.Azurite().CreateQueueServiceClient().GetQueueClient(_name);
        return new AzureMessageQueue(_client);
    }
}
