namespace Digest.Core.Triggers;

/// <summary>
/// A send-batches message no host could use (not JSON, wrong shape), kept as a blob
/// (digests/parked/&lt;queue&gt;/&lt;day&gt;/&lt;id&gt;.json, <see cref="Storage.Containers.ParkedMessage"/>) with why, so
/// nothing is lost and nothing is retried forever.
/// </summary>
/// <param name="Queue">Queue it came from.</param>
/// <param name="MessageId">Queue message id (or a content hash when it is not usable in a blob name).</param>
/// <param name="DequeueCount">Delivery attempt, as the queue reported it.</param>
/// <param name="Problem">Why it was unusable.</param>
/// <param name="ParkedAt">When it was parked.</param>
/// <param name="Message">The message text exactly as received.</param>
public sealed record ParkedMessage(string Queue, string MessageId, long DequeueCount, string Problem, DateTimeOffset ParkedAt, string Message);
