namespace Digest.Core.Delivery;

/// <summary>digests/&lt;day&gt;/enqueued.json: every batch of the day's build plan went on the queue (how many, for people reading it).</summary>
public sealed record EnqueuedMarker(int Batches);
