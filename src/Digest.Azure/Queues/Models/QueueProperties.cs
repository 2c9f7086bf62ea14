namespace Digest.Azure.Queues.Models;

/// <summary>Get Queue Metadata: the approximate number of messages (visible and invisible).</summary>
public sealed record QueueProperties(int ApproximateMessagesCount, IReadOnlyDictionary<string, string> Metadata);
