using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Digest.Core.Storage;
using Digest.Functions.Invocation;

namespace Digest.Functions.Functions.SendDigest;

/// <summary>
/// Queue trigger on send-batches. The host base64-decodes the message and passes it in Data.message, either as a
/// string holding the JSON or as the parsed JSON; both are accepted.
/// Failures of the job (provider down, storage) answer 500: the host retries and, after host.json's
/// maxDequeueCount (5), moves the message to send-batches-poison. A message that can never be sent (not JSON, wrong
/// shape) is parked instead, as a blob in digests/parked/send-batches/, and answered 200 with an error log: retrying
/// garbage five times only delays the poison queue, and a blob keeps the raw text of any size where the operator
/// looks for failed deliveries (the digests container).
/// </summary>
internal static class SendDigestFunction
{
    public const string Name = "SendDigest";

    public static async Task RunAsync(InvocationRequest request, InvocationLog log, IServiceProvider services, CancellationToken cancellationToken)
    {
        var (raw, json) = MessageText(request);
        var dequeueCount = request.MetadataText("DequeueCount");
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Digest.Functions." + Name);

        var message = SendBatchMessageReader.Read(json, out var problem);
        if (message is null)
        {
            var parked = await ParkAsync(request, services, raw, dequeueCount, problem!, cancellationToken).ConfigureAwait(false);
            HandlerLog.MessageParked(logger, parked.MessageId, Containers.Digests, parked.BlobName, problem!);
            log.Add($"ERROR: unusable {Containers.SendBatchesQueue} message {parked.MessageId} ({problem}); parked at {Containers.Digests}/{parked.BlobName}, not retried");
            return;
        }

        log.Add($"Sending batch {message.BatchId} of digest {message.DigestId} to {message.SubscriberKeys.Count} subscribers (attempt {dequeueCount ?? "?"})");
        var run = services.GetRequiredService<RunSendDigest>();
        var outcome = await run(message, cancellationToken).ConfigureAwait(false);
        HandlerLog.BatchSent(logger, outcome.BatchId, dequeueCount, outcome.Sent, outcome.AlreadySent, outcome.Skipped, outcome.Failed);
        log.Add($"Batch {outcome.BatchId}: sent {outcome.Sent}, already sent {outcome.AlreadySent}, skipped {outcome.Skipped}, failed {outcome.Failed}");
    }

    /// <summary>
    /// The message as received (kept verbatim when parked) and the JSON to read: a string is the decoded message
    /// itself; anything else is JSON the host already parsed; a string that holds a JSON string (double-encoded by a
    /// producer) is unwrapped once for reading.
    /// </summary>
    private static (string Raw, string Json) MessageText(InvocationRequest request)
    {
        if (request.Data("message") is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            throw new InvocationPayloadException("Data has no \"message\" (the queue trigger binding).");
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return (value.GetRawText(), value.GetRawText());
        }

        var raw = value.GetString()!;
        var unwrapped = JsonValues.Unwrap(value);
        return (raw, unwrapped.ValueKind == JsonValueKind.String ? unwrapped.GetString()! : raw);
    }

    private static async Task<(string MessageId, string BlobName)> ParkAsync(
        InvocationRequest request, IServiceProvider services, string text, string? dequeueCount, string problem, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IBlobStore>();
        var time = services.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();

        // The queue's message id makes parking idempotent (a re-delivery overwrites the same blob).
        var id = request.MetadataText("Id");
        if (!SendBatchMessageReader.IsSafeId(id))
        {
            id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
        }

        var blobName = $"parked/{Containers.SendBatchesQueue}/{Containers.Day(DateOnly.FromDateTime(now.UtcDateTime))}/{id}.json";
        var parked = new ParkedMessage(Containers.SendBatchesQueue, id!, dequeueCount, problem, now, text);
        await store.PutAsync(
            Containers.Digests,
            blobName,
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(parked, HandlerJsonContext.Default.ParkedMessage)),
            new BlobWriteOptions { ContentType = "application/json" },
            cancellationToken).ConfigureAwait(false);
        return (id!, blobName);
    }
}
