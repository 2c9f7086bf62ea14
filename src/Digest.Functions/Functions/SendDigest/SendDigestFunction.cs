using Digest.Core.Storage;
using Digest.Core.Triggers;
using Microsoft.Azure.Functions.Worker;
using AzureQueueMessage = Azure.Storage.Queues.Models.QueueMessage;

namespace Digest.Functions.Functions.SendDigest;

/// <summary>
/// Queue trigger on send-batches (host.json decodes base64): hands each delivery to <see cref="SendBatchTrigger"/>, the
/// path `digest dev` takes too (an unusable message is parked and completes; a failure throws). The host retries a
/// thrown delivery after visibilityTimeout and, after host.json's maxDequeueCount (<see cref="MaxDequeueCount"/>),
/// moves the message to send-batches-poison.
/// </summary>
public sealed class SendDigestFunction(SendBatchTrigger trigger)
{
    public const string Name = "SendDigest";

    /// <summary>host.json extensions.queues.maxDequeueCount: the delivery after which the host poisons a failing message.</summary>
    public const int MaxDequeueCount = 5;

    [Function(Name)]
    public async Task RunAsync([QueueTrigger(Containers.SendBatchesQueue, Connection = "AzureWebJobsStorage")] AzureQueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var delivery = new QueueMessage(message.MessageId, message.PopReceipt, message.Body?.ToString() ?? string.Empty, message.DequeueCount);
        await trigger.RunAsync(delivery, MaxDequeueCount, cancellationToken).ConfigureAwait(false);
    }
}
