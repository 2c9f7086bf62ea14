namespace Digest.Core.Delivery;

/// <summary>A batch with recipients that failed for good (digests/&lt;day&gt;/parked/&lt;batch&gt;.json): for an operator.</summary>
/// <param name="BatchId">Batch.</param>
/// <param name="Failures">Subscriber key to the provider's error.</param>
/// <param name="At">When it was parked.</param>
public sealed record ParkedBatch(string BatchId, IReadOnlyDictionary<string, string> Failures, DateTimeOffset At);
