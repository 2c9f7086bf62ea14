using Azure;
using Digest.Azure.Queues;
using Digest.Azure.Tests.Support;
using Digest.Testing;

namespace Digest.Azure.Tests.Queues;

/// <summary>The queue client against real Azurite (started by ./test.sh).</summary>
public sealed class QueueClientIntegrationTests : IAsyncLifetime
{
    private readonly string _name = StorageTestNames.Unique("q");
    private QueueClient _queue = null!;

    public async Task InitializeAsync()
    {
        if (TestServices.StorageConnectionString is null && !TestServices.Required)
        {
            return;
        }

        _queue = Client(QueueMessageEncoding.Base64);
        Assert.True(await _queue.CreateIfNotExistsAsync());
    }

    public async Task DisposeAsync()
    {
        if (_queue is not null)
        {
            await _queue.DeleteIfExistsAsync();
        }
    }

    [AzuriteFact]
    public async Task CreateIfNotExistsAsync_Twice_SecondReturnsFalse()
    {
        Assert.False(await _queue.CreateIfNotExistsAsync());
    }

    [AzuriteFact]
    public async Task SendReceiveDelete_OneMessage_RoundTripsTextAndEmptiesQueue()
    {
        var receipt = await _queue.SendMessageAsync("{\"batch\":\"ü & <b>\"}");

        var received = await _queue.ReceiveMessagesAsync(maxMessages: 10, visibilityTimeout: TimeSpan.FromSeconds(30));
        await _queue.DeleteMessageAsync(received[0].MessageId, received[0].PopReceipt);

        var message = Assert.Single(received);
        Assert.Equal(receipt.MessageId, message.MessageId);
        Assert.Equal("{\"batch\":\"ü & <b>\"}", message.MessageText);
        Assert.Equal(1, message.DequeueCount);
        Assert.Equal(0, (await _queue.GetPropertiesAsync()).ApproximateMessagesCount);
        Assert.Empty(await _queue.PeekMessagesAsync(32));
    }

    [AzuriteFact]
    public async Task SendMessageAsync_Base64Encoding_PutsBase64OfUtf8OnTheWire()
    {
        await _queue.SendMessageAsync("héllo");

        var raw = await Client(QueueMessageEncoding.None).PeekMessagesAsync();

        Assert.Equal(Convert.ToBase64String("héllo"u8.ToArray()), Assert.Single(raw).MessageText);
    }

    [AzuriteFact]
    public async Task ReceiveMessagesAsync_PlainTextFromAnotherWriter_IsReturnedAsIs()
    {
        await Client(QueueMessageEncoding.None).SendMessageAsync("not base64!");

        var received = await _queue.ReceiveMessagesAsync();

        Assert.Equal("not base64!", Assert.Single(received).MessageText);
    }

    [AzuriteFact]
    public async Task ReceiveMessagesAsync_AfterVisibilityTimeout_RedeliversWithHigherDequeueCount()
    {
        await _queue.SendMessageAsync("retry me");

        var first = await _queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1));
        var whileHidden = await _queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1));
        var peekedWhileHidden = await _queue.PeekMessagesAsync();
        var second = await ReceiveWithinAsync(TimeSpan.FromSeconds(10));
        var staleDelete = await Assert.ThrowsAsync<RequestFailedException>(() => _queue.DeleteMessageAsync(first[0].MessageId, first[0].PopReceipt));
        await _queue.DeleteMessageAsync(second.MessageId, second.PopReceipt);

        Assert.Equal(1, Assert.Single(first).DequeueCount);
        Assert.Empty(whileHidden);
        Assert.Empty(peekedWhileHidden);
        Assert.Equal(first[0].MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
        Assert.Equal(400, staleDelete.Status);
        Assert.Equal("PopReceiptMismatch", staleDelete.ErrorCode);
        Assert.Equal(0, (await _queue.GetPropertiesAsync()).ApproximateMessagesCount);
    }

    [AzuriteFact]
    public async Task GetPropertiesAsync_ThreeMessages_CountsThemAndPeekSeesThem()
    {
        foreach (var text in new[] { "a", "b", "c" })
        {
            await _queue.SendMessageAsync(text);
        }

        var properties = await _queue.GetPropertiesAsync();
        var peeked = await _queue.PeekMessagesAsync(32);

        Assert.Equal(3, properties.ApproximateMessagesCount);
        Assert.Equal(["a", "b", "c"], peeked.Select(p => p.MessageText));
        Assert.All(peeked, p => Assert.Equal(0, p.DequeueCount));
    }

    [AzuriteFact]
    public async Task SendMessageAsync_InitialVisibilityTimeout_HidesTheMessage()
    {
        await _queue.SendMessageAsync("later", visibilityTimeout: TimeSpan.FromMinutes(5));

        Assert.Empty(await _queue.ReceiveMessagesAsync());
        Assert.Equal(1, (await _queue.GetPropertiesAsync()).ApproximateMessagesCount);
    }

    private QueueClient Client(QueueMessageEncoding encoding) =>
        StorageTestNames.Azurite().CreateQueueServiceClient(new QueueClientOptions { MessageEncoding = encoding }).GetQueueClient(_name);

    private async Task<Digest.Azure.Queues.Models.QueueMessage> ReceiveWithinAsync(TimeSpan limit)
    {
        // Azurite runs on the real clock: poll until the hidden message is visible again (bounded, not a speed assertion).
        var deadline = DateTimeOffset.UtcNow + limit;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var received = await _queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30));
            if (received.Count > 0)
            {
                return received[0];
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The message did not become visible again.");
    }
}
