namespace Digest.Core.Delivery;

/// <summary>
/// A batch whose retries ran out and that sits in send-batches-poison (digests/&lt;day&gt;/poisoned/&lt;batch&gt;.json),
/// so `digest status` shows it as poisoned rather than queued; `digest send` enqueues it again and removes the marker.
/// </summary>
/// <param name="BatchId">Batch.</param>
/// <param name="Reason">The last failure.</param>
/// <param name="At">When it was poisoned.</param>
public sealed record PoisonedBatch(string BatchId, string Reason, DateTimeOffset At);
