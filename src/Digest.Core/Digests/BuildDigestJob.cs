using Digest.Core.Delivery;
using Digest.Core.Stories;
using Digest.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Core.Digests;

/// <summary>
/// Timer step: gathers the day's parsed articles, composes stories, writes digests/&lt;day&gt;/digest.json|html|txt
/// exactly once (create-only), and enqueues one send-batches message per batch of active subscribers.
/// PLACEHOLDER (scaffold): the Digests work fills it in.
/// </summary>
public sealed class BuildDigestJob(
    IBlobStore store,
    StoryComposer composer,
    DigestRenderer renderer,
    SubscriberDirectory subscribers,
    [FromKeyedServices(Containers.SendBatchesQueue)] IMessageQueue sendQueue,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<BuildDigestJob> logger)
{
    public Task<BuildDigestOutcome> RunAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{store}{composer}{renderer}{subscribers}{sendQueue}{options}{time}{logger}{day}{cancellationToken}");
}
