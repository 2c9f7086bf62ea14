using Digest.Core.Digests;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Core.Delivery;

/// <summary>
/// Queue step: renders and sends one batch, keeping the delivery ledger so a retried or duplicated batch never
/// emails anyone twice. PLACEHOLDER (scaffold): the Delivery work fills it in.
/// </summary>
public sealed class SendDigestJob(
    IBlobStore store,
    SubscriberDirectory subscribers,
    IEmailSender sender,
    DigestRenderer renderer,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<SendDigestJob> logger)
{
    public Task<SendBatchOutcome> RunAsync(SendBatchMessage message, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{store}{subscribers}{sender}{renderer}{options}{time}{logger}{message}{cancellationToken}");
}
