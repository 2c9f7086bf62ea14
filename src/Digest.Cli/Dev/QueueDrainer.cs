using System.Text.Json;
using Digest.Core.Delivery;
using Digest.Core.Json;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Digest.Cli.Dev;

/// <summary>
/// Plays the queue trigger: receives send batches, runs SendDigestJob, deletes on success. A failure leaves the
/// message to reappear after the visibility timeout; after MaxDequeueCount deliveries it moves to the poison queue
/// (as the Functions host does), and a message that is not a valid batch goes there at once; a poisoned batch is
/// also marked in the store (digests/&lt;day&gt;/poisoned/) so `digest status` shows it as poisoned. A stop (Ctrl+C,
/// SIGTERM) honoured by the job between two provider calls puts the batch back on the queue at once (sent again and
/// the received copy deleted), so the next run sends exactly its unsent recipients instead of waiting for the
/// visibility timeout.
/// </summary>
internal sealed partial class QueueDrainer(IMessageQueue queue, IMessageQueue poison, SendDigestJob job, DevOptions options, ILogger logger)
{
    /// <summary>Receives until the queue shows nothing; returns what was done and whether failed batches await a retry.</summary>
    public async Task<(DevCycleReport Report, bool RetriesPending)> DrainAsync(CancellationToken cancellationToken)
    {
        var report = DevCycleReport.Empty;
        var pending = false;
        while (true)
        {
            var messages = await queue.ReceiveAsync(16, options.VisibilityTimeout, cancellationToken).ConfigureAwait(false);
            if (messages.Count == 0)
            {
                return (report, pending);
            }

            for (var i = 0; i < messages.Count; i++)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    // Stopping: the batches received but not started go back at once instead of hiding for the visibility timeout.
                    await RequeueAsync(messages.Skip(i)).ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();
                }

                try
                {
                    var (result, retry) = await HandleAsync(messages[i], cancellationToken).ConfigureAwait(false);
                    report += result;
                    pending |= retry;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    await RequeueAsync(messages.Skip(i + 1)).ConfigureAwait(false);
                    throw;
                }
            }
        }
    }

    private async Task<(DevCycleReport, bool Retry)> HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        SendBatchMessage? batch;
        try
        {
            batch = JsonSerializer.Deserialize(message.Body, DigestJsonContext.Stored.SendBatchMessage);
        }
        catch (JsonException)
        {
            batch = null;
        }

        if (batch is null || message.DequeueCount > options.MaxDequeueCount)
        {
            return (await PoisonAsync(message, cancellationToken).ConfigureAwait(false), false);
        }

        try
        {
            var outcome = await job.RunAsync(batch, cancellationToken).ConfigureAwait(false);
            await queue.DeleteAsync(message, cancellationToken).ConfigureAwait(false);
            return (DevCycleReport.Empty with { BatchesSent = 1, EmailsSent = outcome.Sent }, false);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            // Not with the stop token: requeuing is what makes the stop lose nothing.
            await RequeueAsync([message]).ConfigureAwait(false);
            LogRequeued(logger, batch.BatchId, e.Message);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (message.DequeueCount >= options.MaxDequeueCount)
            {
                LogFailedForGood(logger, e, batch.BatchId, message.DequeueCount, Containers.SendBatchesPoisonQueue);
                await job.MarkPoisonedAsync(batch, e.Message, cancellationToken).ConfigureAwait(false);
                return (await PoisonAsync(message, cancellationToken).ConfigureAwait(false) with { BatchFailures = 1 }, false);
            }

            LogFailed(logger, e, batch.BatchId, message.DequeueCount, options.MaxDequeueCount, options.VisibilityTimeout);
            return (DevCycleReport.Empty with { BatchFailures = 1 }, true);
        }
    }

    /// <summary>Puts received messages back on the queue, visible at once (sent again, the received copy deleted).</summary>
    private async Task RequeueAsync(IEnumerable<QueueMessage> messages)
    {
        foreach (var message in messages)
        {
            await queue.SendAsync(message.Body, CancellationToken.None).ConfigureAwait(false);
            await queue.DeleteAsync(message, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<DevCycleReport> PoisonAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        await poison.SendAsync(message.Body, cancellationToken).ConfigureAwait(false);
        await queue.DeleteAsync(message, cancellationToken).ConfigureAwait(false);
        LogPoisoned(logger, message.Id, message.DequeueCount);
        return DevCycleReport.Empty with { BatchesPoisoned = 1 };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Send batch message {MessageId} moved to the poison queue after {DequeueCount} deliveries (or it is not a valid batch)")]
    private static partial void LogPoisoned(ILogger logger, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId} failed on delivery {DequeueCount} of {Max}; it will be retried after {VisibilityTimeout}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string batchId, long dequeueCount, int max, TimeSpan visibilityTimeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Batch {BatchId} failed on its last delivery ({DequeueCount}); it goes to {PoisonQueue} and is not retried (`digest send` enqueues it again)")]
    private static partial void LogFailedForGood(ILogger logger, Exception exception, string batchId, long dequeueCount, string poisonQueue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId} put back on the queue: {Reason}")]
    private static partial void LogRequeued(ILogger logger, string batchId, string reason);
}
