namespace Digest.Core.Delivery;

/// <summary>
/// Part of a batch was accepted, the rest could not be sent for a transient reason. The accepted recipients are in
/// the ledger; throwing makes the queue deliver the batch again (until its retries run out), and a retry sends only to the rest.
/// </summary>
public sealed class DeliveryIncompleteException(string batchId, int accepted, int remaining, string? reason)
    : Exception($"Batch {batchId}: {accepted} accepted, {remaining} not sent ({reason}).");
