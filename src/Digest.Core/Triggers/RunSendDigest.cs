using Digest.Core.Delivery;

namespace Digest.Core.Triggers;

/// <summary>
/// How the send-batches trigger (<see cref="SendBatchTrigger"/>) runs the job: <see cref="SendDigestJob.RunAsync"/> by default. A delegate, not an
/// interface, so the trigger's mapping can be tested on its own while the job is a sealed class.
/// </summary>
public delegate Task<SendBatchOutcome> RunSendDigest(SendBatchMessage message, CancellationToken cancellationToken);
