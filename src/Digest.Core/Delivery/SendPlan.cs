namespace Digest.Core.Delivery;

/// <summary>The day's batches, fixed once by whichever builder wrote it first.</summary>
public sealed record SendPlan(DateOnly Day, string DigestId, IReadOnlyList<SendBatchMessage> Batches);
