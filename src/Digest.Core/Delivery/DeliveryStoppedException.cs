namespace Digest.Core.Delivery;

/// <summary>
/// A stop (Ctrl+C, SIGTERM, host shutdown) was honoured between two provider calls of a batch: what was sent is
/// recorded as sent, the recipients not yet claimed stay unclaimed, so the batch sent again sends exactly them.
/// </summary>
public sealed class DeliveryStoppedException(string batchId, int sent, int remaining, CancellationToken token)
    : OperationCanceledException($"stopped during batch {batchId}: {sent} emails sent and recorded, {remaining} not sent yet (released; the batch is sent again by the next run)", token)
{
    public string BatchId { get; } = batchId;

    /// <summary>Recipients accepted by this run before the stop.</summary>
    public int Sent { get; } = sent;

    /// <summary>Recipients not claimed because of the stop.</summary>
    public int Remaining { get; } = remaining;
}
