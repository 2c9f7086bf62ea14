using Digest.Core.Storage;
using Digest.Core.Triggers;
using Microsoft.Extensions.Logging;

namespace Digest.Cli.Dev;

/// <summary>
/// Plays the queue host: receives send batches and hands each delivery to <see cref="SendBatchTrigger"/>, the path the
/// Functions app's SendDigest takes (it parks an unusable message, runs the job, logs, and marks a batch poisoned on its
/// last delivery), then does what the Functions host does with the result: deletes the message when the trigger
/// completed; when it threw, leaves it to reappear after the visibility timeout, and after MaxDequeueCount deliveries
/// moves it to the poison queue. A stop (Ctrl+C,
/// SIGTERM) honoured by the job between two provider calls puts the batch back on the queue at once (sent again and
/// the received copy deleted), so the next run sends exactly its unsent recipients instead of waiting for the
/// visibility timeout.
/// </summary>
internal sealed partial class QueueDrainer(IMessageQueue queue, IMessageQueue poison, SendBatchTrigger trigger, DevOptions options, ILogger logger)
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
        if (message.DequeueCount > options.MaxDequeueCount)
        {
            // Delivered more often than the limit already (a process died on its last delivery): the host poisons it unrun.
            return (await PoisonAsync(message, cancellationToken).ConfigureAwait(false), false);
        }

        try
        {
            var result = await trigger.RunAsync(message, options.MaxDequeueCount, cancellationToken).ConfigureAwait(false);
            await queue.DeleteAsync(message, cancellationToken).ConfigureAwait(false);
            return (result.Sent is { } sent ? DevCycleReport.Empty with { BatchesSent = 1, EmailsSent = sent.Sent } : DevCycleReport.Empty with { MessagesParked = 1 }, false);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            // Not with the stop token: requeuing is what makes the stop lose nothing.
            await RequeueAsync([message]).ConfigureAwait(false);
            LogRequeued(logger, message.Id, e.Message);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The trigger logged it (and marked the batch poisoned on its last delivery).
            return message.DequeueCount >= options.MaxDequeueCount
                ? (await PoisonAsync(message, cancellationToken).ConfigureAwait(false) with { BatchFailures = 1 }, false)
                : (DevCycleReport.Empty with { BatchFailures = 1 }, true);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Send batch message {MessageId} moved to the poison queue after {DequeueCount} deliveries")]
    private static partial void LogPoisoned(ILogger logger, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Send batch message {MessageId} put back on the queue: {Reason}")]
    private static partial void LogRequeued(ILogger logger, string messageId, string reason);
}
