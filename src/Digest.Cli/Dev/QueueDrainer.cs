using System.Text.Json;
using Digest.Core.Delivery;
using Digest.Core.Json;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Digest.Cli.Dev;

/// <summary>
/// Plays the queue trigger: receives send batches, runs SendDigestJob, deletes on success. A failure leaves the
/// message to reappear after the visibility timeout; after MaxDequeueCount deliveries it moves to the poison queue
/// (as the Functions host does), and a message that is not a valid batch goes there at once.
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

            foreach (var message in messages)
            {
                var (result, retry) = await HandleAsync(message, cancellationToken).ConfigureAwait(false);
                report += result;
                pending |= retry;
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
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e, batch.BatchId, message.DequeueCount, options.MaxDequeueCount);
            if (message.DequeueCount >= options.MaxDequeueCount)
            {
                return (await PoisonAsync(message, cancellationToken).ConfigureAwait(false) with { BatchFailures = 1 }, false);
            }

            return (DevCycleReport.Empty with { BatchFailures = 1 }, true);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId} failed on delivery {DequeueCount} of {Max}; it will be retried")]
    private static partial void LogFailed(ILogger logger, Exception exception, string batchId, long dequeueCount, int max);
}
