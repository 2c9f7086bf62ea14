using System.Collections.Concurrent;

namespace Digest.Core.Storage;

/// <summary>
/// An in-process queue with visibility timeouts and dequeue counts, for file-system runs where the same process
/// produces and drains the queue.
/// </summary>
public sealed class InMemoryMessageQueue(string name, TimeProvider timeProvider) : IMessageQueue
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private long _sequence;

    public string Name { get; } = name;

    public int Count => _entries.Count;

    public Task SendAsync(string message, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _sequence).ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
        _entries[id] = new Entry(id, message, 0, DateTimeOffset.MinValue, string.Empty);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var received = new List<QueueMessage>();
        foreach (var entry in _entries.Values.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            if (received.Count >= maxMessages)
            {
                break;
            }

            if (entry.VisibleAt > now)
            {
                continue;
            }

            var updated = entry with { DequeueCount = entry.DequeueCount + 1, VisibleAt = now + visibilityTimeout, PopReceipt = Guid.NewGuid().ToString("N") };
            if (_entries.TryUpdate(entry.Id, updated, entry))
            {
                received.Add(new QueueMessage(updated.Id, updated.PopReceipt, updated.Body, updated.DequeueCount));
            }
        }

        return Task.FromResult<IReadOnlyList<QueueMessage>>(received);
    }

    public Task DeleteAsync(QueueMessage message, CancellationToken cancellationToken = default)
    {
        if (_entries.TryGetValue(message.Id, out var entry) && entry.PopReceipt == message.PopReceipt)
        {
            _entries.TryRemove(message.Id, out _);
        }

        return Task.CompletedTask;
    }

    private sealed record Entry(string Id, string Body, long DequeueCount, DateTimeOffset VisibleAt, string PopReceipt);
}
