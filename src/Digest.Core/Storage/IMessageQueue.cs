namespace Digest.Core.Storage;

/// <summary>
/// A work queue (the send-batches queue). Implementations: Azure Queue Storage, and an in-process queue for file-system runs.
/// Messages are at-least-once: a consumer must be idempotent (the delivery ledger makes sends exactly-once).
/// </summary>
public interface IMessageQueue
{
    /// <summary>Queue name.</summary>
    string Name { get; }

    Task SendAsync(string message, CancellationToken cancellationToken = default);

    /// <summary>Receives up to <paramref name="maxMessages"/>, hiding them for <paramref name="visibilityTimeout"/>.</summary>
    Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>Deletes a received message (it was handled).</summary>
    Task DeleteAsync(QueueMessage message, CancellationToken cancellationToken = default);
}
