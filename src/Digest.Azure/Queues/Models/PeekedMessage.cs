namespace Digest.Azure.Queues.Models;

/// <summary>A message seen without being received (no pop receipt, visibility unchanged).</summary>
public sealed record PeekedMessage(string MessageId, string MessageText, long DequeueCount, DateTimeOffset InsertedOn, DateTimeOffset ExpiresOn);
