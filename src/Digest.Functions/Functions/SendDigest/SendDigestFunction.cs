using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using QueueMessage = Azure.Storage.Queues.Models.QueueMessage;
using Digest.Core.Delivery;
using Digest.Core.Json;
using Digest.Core.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Digest.Functions.Functions.SendDigest;

/// <summary>
/// Queue trigger on send-batches (host.json decodes base64). Failures of the job (provider down, storage) throw: the
/// host retries after visibilityTimeout and, after host.json's maxDequeueCount (5), moves the message to
/// send-batches-poison. A message that can never be sent (not JSON, wrong shape) is parked instead, as a blob in
/// digests/parked/send-batches/, and completes with an error log: retrying garbage five times only delays the poison
/// queue, and a blob keeps the raw text of any size where the operator looks for failed deliveries. If parking fails,
/// the function throws, so nothing is lost.
/// </summary>
public sealed class SendDigestFunction(RunSendDigest run, IBlobStore store, TimeProvider time, ILogger<SendDigestFunction> logger)
{
    public const string Name = "SendDigest";

    /// <summary>host.json extensions.queues.maxDequeueCount: the delivery after which the host poisons a failing message.</summary>
    public const int MaxDequeueCount = 5;

    [Function(Name)]
    public async Task RunAsync([QueueTrigger(Containers.SendBatchesQueue, Connection = "AzureWebJobsStorage")] QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var raw = message.Body?.ToString() ?? string.Empty;
        var batch = SendBatchMessageReader.Read(Unwrapped(raw), out var problem);
        if (batch is null)
        {
            var (id, blobName) = await ParkAsync(message, raw, problem!, cancellationToken).ConfigureAwait(false);
            FunctionsLog.MessageParked(logger, id, Containers.Digests, blobName, problem!);
            return;
        }

        FunctionsLog.BatchReceived(logger, batch.BatchId, batch.DigestId, message.DequeueCount, batch.SubscriberKeys.Count);
        SendBatchOutcome outcome;
        try
        {
            outcome = await run(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (message.DequeueCount >= MaxDequeueCount && e is not OperationCanceledException)
        {
            // The host moves the message to send-batches-poison after this delivery: mark it so `digest status`
            // says poisoned, not still queued (`digest send` enqueues it again and removes the marker).
            await store.WriteAsync(Containers.Digests, Containers.Poisoned(batch.Day, batch.BatchId), new PoisonedBatch(batch.BatchId, e.Message, time.GetUtcNow()), DigestJsonContext.Stored.PoisonedBatch, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        FunctionsLog.BatchSent(logger, outcome.BatchId, message.DequeueCount, outcome.Sent, outcome.AlreadySent, outcome.Skipped, outcome.Failed);
    }

    /// <summary>A message holding a JSON string (double-encoded by a producer) is unwrapped once for reading.</summary>
    private static string Unwrapped(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.ValueKind == JsonValueKind.String ? json.RootElement.GetString()! : text;
        }
        catch (JsonException)
        {
            return text;
        }
    }

    private async Task<(string Id, string BlobName)> ParkAsync(QueueMessage message, string text, string problem, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();

        // The queue's message id makes parking idempotent (a re-delivery overwrites the same blob).
        var id = message.MessageId;
        if (!SendBatchMessageReader.IsSafeId(id))
        {
            id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
        }

        var blobName = $"parked/{Containers.SendBatchesQueue}/{Containers.Day(DateOnly.FromDateTime(now.UtcDateTime))}/{id}.json";
        var parked = new ParkedMessage(Containers.SendBatchesQueue, id, message.DequeueCount.ToString(CultureInfo.InvariantCulture), problem, now, text);
        await store.WriteAsync(Containers.Digests, blobName, parked, FunctionsJsonContext.Default.ParkedMessage, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (id, blobName);
    }
}
