namespace Digest.Core.Delivery;

/// <summary>The send-batches queue message: which digest, which batch, which subscribers (by key, never by address).</summary>
public sealed record SendBatchMessage(DateOnly Day, string DigestId, string BatchId, IReadOnlyList<string> SubscriberKeys);
