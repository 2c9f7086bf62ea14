using Digest.Core.Delivery;

namespace Digest.Functions.Functions.SendDigest;

/// <summary>
/// How the SendDigest function runs the job: <see cref="SendDigestJob.RunAsync"/> by default. A delegate, not an
/// interface, so the function's mapping can be tested on its own while the job is a sealed class.
/// </summary>
public delegate Task<SendBatchOutcome> RunSendDigest(SendBatchMessage message, CancellationToken cancellationToken);
