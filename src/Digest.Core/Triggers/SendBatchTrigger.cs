using System.Security.Cryptography;
using System.Text;
using Digest.Core.Delivery;
using Digest.Core.Json;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Triggers;

/// <summary>
/// What the queue trigger on send-batches does with one delivery, the one path of both hosts: the Functions app's
/// SendDigest and `digest dev`'s drainer only hand the message over, and keep the queue's own mechanics (delete on
/// success, redeliver after the visibility timeout, move to send-batches-poison after the last delivery).
/// A message that can never be sent (not JSON, wrong shape) is parked as a blob in digests/parked/send-batches/ with the
/// problem and its raw text, and completes with an error log: retrying garbage only delays the poison queue, and a blob
/// keeps the raw text where the operator looks for failed deliveries. If parking fails, it throws, so nothing is lost.
/// A failure of the job (provider down, storage) is logged and thrown, so the queue delivers it again; on the last
/// delivery the batch is first marked poisoned (digests/&lt;day&gt;/poisoned/), so `digest status` says poisoned, not
/// queued (`digest send` enqueues it again and removes the marker).
/// </summary>
public sealed class SendBatchTrigger(RunSendDigest run, IBlobStore store, TimeProvider time, ILogger<SendBatchTrigger> logger)
{
    /// <param name="message">The delivery: its id, text and dequeue count (1 on the first delivery).</param>
    /// <param name="maxDequeueCount">The delivery after which the queue poisons a failing message (host.json maxDequeueCount).</param>
    /// <param name="cancellationToken">Stop.</param>
    public async Task<SendBatchResult> RunAsync(QueueMessage message, int maxDequeueCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (SendBatchMessageReader.Read(message.Body, out var problem) is not { } batch)
        {
            var parked = await ParkAsync(message, problem!, cancellationToken).ConfigureAwait(false);
            TriggerLog.MessageParked(logger, parked.MessageId, Containers.Digests, parked.BlobName, problem!);
            return new SendBatchResult(null, parked.BlobName);
        }

        TriggerLog.BatchReceived(logger, batch.BatchId, batch.DigestId, message.DequeueCount, batch.SubscriberKeys.Count);
        SendBatchOutcome outcome;
        try
        {
            outcome = await run(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (message.DequeueCount < maxDequeueCount)
            {
                TriggerLog.BatchFailed(logger, batch.BatchId, message.DequeueCount, maxDequeueCount, e.GetType().Name, e.Message);
                throw;
            }

            TriggerLog.BatchFailedForGood(logger, e, batch.BatchId, message.DequeueCount, Containers.SendBatchesPoisonQueue);
            await store.WriteAsync(Containers.Digests, Containers.Poisoned(batch.Day, batch.BatchId), new PoisonedBatch(batch.BatchId, e.Message, time.GetUtcNow()), DigestJsonContext.Stored.PoisonedBatch, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        TriggerLog.BatchSent(logger, outcome.BatchId, message.DequeueCount, outcome.Sent, outcome.AlreadySent, outcome.Skipped, outcome.Failed);
        return new SendBatchResult(outcome, null);
    }

    private async Task<(string MessageId, string BlobName)> ParkAsync(QueueMessage message, string problem, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();

        // The queue's message id makes parking idempotent (a redelivery overwrites the same blob).
        var id = SendBatchMessageReader.IsSafeId(message.Id) ? message.Id : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.Body)))[..32];
        var blobName = Containers.ParkedMessage(Containers.SendBatchesQueue, DateOnly.FromDateTime(now.UtcDateTime), id);
        var parked = new ParkedMessage(Containers.SendBatchesQueue, id, message.DequeueCount, problem, now, message.Body);
        await store.WriteAsync(Containers.Digests, blobName, parked, DigestJsonContext.Stored.ParkedMessage, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (id, blobName);
    }
}
