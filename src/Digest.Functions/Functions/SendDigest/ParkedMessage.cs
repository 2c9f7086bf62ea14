namespace Digest.Functions.Functions.SendDigest;

/// <summary>
/// A queue message the function could not use, kept as a blob (digests/parked/&lt;queue&gt;/&lt;day&gt;/&lt;id&gt;.json)
/// with why, so nothing is lost and nothing is retried forever.
/// </summary>
/// <param name="Queue">Queue it came from.</param>
/// <param name="MessageId">Queue message id (or a content hash when there was none).</param>
/// <param name="DequeueCount">Delivery attempt, as the host reported it.</param>
/// <param name="Problem">Why it was unusable.</param>
/// <param name="ParkedAt">When it was parked.</param>
/// <param name="Message">The message text exactly as received.</param>
internal sealed record ParkedMessage(string Queue, string MessageId, string DequeueCount, string Problem, DateTimeOffset ParkedAt, string Message);
