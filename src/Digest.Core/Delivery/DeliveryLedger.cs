namespace Digest.Core.Delivery;

/// <summary>
/// Per-batch record of who has been sent the digest (digests/&lt;day&gt;/deliveries/&lt;batch&gt;.json).
/// A retried or duplicated batch consults it so nobody is emailed twice.
/// </summary>
/// <param name="BatchId">Batch id.</param>
/// <param name="Entries">Subscriber key to delivery entry.</param>
public sealed record DeliveryLedger(string BatchId, IReadOnlyDictionary<string, DeliveryEntry> Entries);

/// <summary>One recipient's delivery state.</summary>
/// <param name="State">Sending (claimed, provider call in flight or interrupted), Sent or Failed.</param>
/// <param name="MessageId">Provider or Message-ID header id, once sent.</param>
/// <param name="Error">Why not, when failed.</param>
/// <param name="At">When the entry was written.</param>
/// <param name="Owner">For a claim: the process that made it (host/pid/run), so an operator can tell who is sending.</param>
/// <param name="LeaseUntil">For a claim: until when its owner is sending (Digest:SendClaimLease after the claim). While
/// it lasts the recipient is "sending"; after it (or for a claim written before leases existed) "in doubt": the owner
/// stopped during the provider call and the outcome is unknown.</param>
public sealed record DeliveryEntry(DeliveryState State, string? MessageId, string? Error, DateTimeOffset At, string? Owner = null, DateTimeOffset? LeaseUntil = null)
{
    /// <summary>A claim whose lease has not expired: its owner is (presumably) still sending it.</summary>
    public bool IsLiveClaim(DateTimeOffset now) => State == DeliveryState.Sending && LeaseUntil > now;

    /// <summary>A claim whose owner stopped during the provider call (lease expired, or no lease): possibly sent.</summary>
    public bool IsInDoubt(DateTimeOffset now) => State == DeliveryState.Sending && !(LeaseUntil > now);
}

public enum DeliveryState
{
    Sending,
    Sent,
    Failed,
}
