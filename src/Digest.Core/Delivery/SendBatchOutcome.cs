namespace Digest.Core.Delivery;

/// <summary>What <see cref="SendDigestJob"/> did with one batch.</summary>
/// <param name="BatchId">Batch id.</param>
/// <param name="Sent">Recipients accepted by the provider in this run.</param>
/// <param name="AlreadySent">Recipients the ledger shows as sent before (skipped).</param>
/// <param name="Skipped">Recipients no longer active (unsubscribed, bounced, gone).</param>
/// <param name="Failed">Recipients the provider rejected for good.</param>
/// <param name="InDoubt">Recipients an earlier attempt was sending when it stopped: not sent again (never twice), listed in the ledger.</param>
public sealed record SendBatchOutcome(string BatchId, int Sent, int AlreadySent, int Skipped, int Failed, int InDoubt = 0);
