using System.Text.Json;
using Digest.Core.Delivery;
using Digest.Core.Json;

namespace Digest.Core.Triggers;

/// <summary>Reads and checks a send-batches message. Bad messages are data: a result with the problem, not an exception.</summary>
internal static class SendBatchMessageReader
{
    /// <summary>Returns the message, or null with the problem. A message holding a JSON string (double-encoded by a producer) is unwrapped once.</summary>
    public static SendBatchMessage? Read(string text, out string? problem)
    {
        SendBatchMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(Unwrapped(text), DigestJsonContext.Stored.SendBatchMessage);
        }
        catch (JsonException e)
        {
            problem = "not a send-batch message: " + e.Message;
            return null;
        }

        problem = message switch
        {
            null => "the message is JSON null",
            { Day: var day } when day == default => "day is missing",
            { DigestId: null or "" } => "digestId is missing",
            { BatchId: var id } when !IsSafeId(id) => "batchId is missing or not made of letters, digits, '-' and '_' (at most 128)",
            { SubscriberKeys: null } => "subscriberKeys is missing",
            { SubscriberKeys: var keys } when keys.Any(k => !IsSafeId(k)) => "subscriberKeys holds an empty or unsafe key",
            _ => null,
        };
        return problem is null ? message : null;
    }

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

    /// <summary>Ids end up in blob names (the delivery ledger), so only a safe alphabet is accepted.</summary>
    public static bool IsSafeId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 128 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
