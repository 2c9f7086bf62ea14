using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Digest.Core.Storage;
using QueueMessage = Digest.Core.Storage.QueueMessage;

namespace Digest.Azure;

/// <summary>
/// <see cref="IMessageQueue"/> on Azure Queue Storage through the SDK's <see cref="QueueClient"/>. The queue is created
/// on first use; messages travel base64 encoded (as the Functions queue trigger expects) when the client's
/// <see cref="QueueClientOptions.MessageEncoding"/> says so, which <see cref="StorageSettings"/>'s clients do.
/// Deleting a message that is already gone, or whose pop receipt went stale because it became visible again, is not
/// an error: delivery is at-least-once and the consumer is idempotent (same as <see cref="InMemoryMessageQueue"/>).
/// </summary>
public sealed class AzureMessageQueue(QueueClient queue) : IMessageQueue
{
    private volatile bool _created;

    public string Name => queue.Name;

    public async Task SendAsync(string message, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await queue.SendMessageAsync(message, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        global::Azure.Storage.Queues.Models.QueueMessage[] received = await queue.ReceiveMessagesAsync(Math.Clamp(maxMessages, 1, 32), visibilityTimeout, cancellationToken).ConfigureAwait(false);
        return received.Select(m => new QueueMessage(m.MessageId, m.PopReceipt, m.Body.ToString(), m.DequeueCount)).ToList();
    }

    public async Task DeleteAsync(QueueMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await queue.DeleteMessageAsync(message.Id, message.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when ((e.Status == 404 && (e.ErrorCode == QueueErrorCode.MessageNotFound || e.ErrorCode == QueueErrorCode.QueueNotFound)) || (e.Status == 400 && e.ErrorCode == QueueErrorCode.PopReceiptMismatch))
        {
            // Already deleted, or received again by someone else: nothing left for us to do.
        }
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        _created = true;
    }
}
