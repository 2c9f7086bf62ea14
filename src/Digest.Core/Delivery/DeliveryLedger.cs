namespace Digest.Core.Delivery;

/// <summary>
/// Per-batch record of who has been sent the digest (digests/&lt;day&gt;/deliveries/&lt;batch&gt;.json).
/// A retried or duplicated batch consults it so nobody is emailed twice.
/// </summary>
/// <param name="BatchId">Batch id.</param>
/// <param name="Entries">Subscriber key to delivery entry.</param>
public sealed record DeliveryLedger(string BatchId, IReadOnlyDictionary<string, DeliveryEntry> Entries);

/// <summary>One recipient's delivery state.</summary>
public sealed record DeliveryEntry(DeliveryState State, string? MessageId, string? Error, DateTimeOffset At);

public enum DeliveryState
{
    Sending,
    Sent,
    Failed,
}
