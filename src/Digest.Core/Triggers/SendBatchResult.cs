using Digest.Core.Delivery;

namespace Digest.Core.Triggers;

/// <summary>What <see cref="SendBatchTrigger"/> did with one message: sent the batch, or parked the unusable message.</summary>
/// <param name="Sent">The job's outcome when the message was a batch.</param>
/// <param name="ParkedAt">The parked blob (in the digests container) when it was not.</param>
public sealed record SendBatchResult(SendBatchOutcome? Sent, string? ParkedAt);
