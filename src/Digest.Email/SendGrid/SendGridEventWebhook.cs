using System.Globalization;
using System.Text.Json;
using Digest.Core.Delivery.Events;
using SendGrid.Helpers.EventWebhook;

namespace Digest.Email.SendGrid;

/// <summary>
/// SendGrid's Signed Event Webhook: verification with the official package's <see cref="RequestValidator"/> (ECDSA
/// P-256 over the timestamp header followed by the raw body) and parsing of the event batch into
/// <see cref="DeliveryEvent"/>s. The custom arguments Digest sends (subscriber_key, digest_id, batch_id) come back as
/// top-level fields of each event.
/// </summary>
public static class SendGridEventWebhook
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    /// <summary>Whether <paramref name="signature"/> signs <paramref name="timestamp"/> + <paramref name="payload"/> under the public key (base64 DER, as SendGrid shows it).</summary>
    /// <exception cref="FormatException">The configured public key is not a usable key.</exception>
    public static bool Verify(string publicKey, string payload, string signature, string timestamp)
    {
        var validator = new RequestValidator();
        global::EllipticCurve.PublicKey key;
        try
        {
            key = validator.ConvertPublicKeyToECDSA(publicKey);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new FormatException("Digest:Subscribers:SendGridWebhookPublicKey is not a base64 ECDSA public key (copy it from SendGrid's Event Webhook settings).", e);
        }

        try
        {
            return validator.VerifySignature(key, payload, signature, timestamp);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IndexOutOfRangeException or OverflowException or InvalidOperationException)
        {
            return false; // a signature that is not even DER base64
        }
    }

    /// <summary>The batch's events, or why the body is not a batch (then nothing of it may be used).</summary>
    public static (IReadOnlyList<DeliveryEvent>? Events, string? Error) Parse(string payload)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            return (null, "the body is not JSON");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return (null, "the body is not a JSON array of events");
            }

            var events = new List<DeliveryEvent>();
            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || Text(item, "email") is not { Length: > 0 } email
                    || Text(item, "event") is not { Length: > 0 } name
                    || !item.TryGetProperty("timestamp", out var ts) || ts.ValueKind != JsonValueKind.Number || !ts.TryGetInt64(out var seconds)
                    || seconds < 0 || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
                {
                    return (null, string.Create(CultureInfo.InvariantCulture, $"event {index} lacks an email, an event name or a numeric timestamp"));
                }

                var messageId = Text(item, "sg_message_id") ?? Text(item, "smtp-id") ?? string.Empty;
                events.Add(new DeliveryEvent(Kind(name, Text(item, "type"), Text(item, "reason")), name, email, DateTimeOffset.FromUnixTimeSeconds(seconds), messageId, Text(item, "subscriber_key")));
                index++;
            }

            return (events, null);
        }
    }

    /// <summary>
    /// SendGrid's event names (docs: "Event Webhook reference"): bounce of type "blocked" is a soft bounce; dropped
    /// carries a reason such as "Bounced Address", "Invalid", "Spam Reporting Address" or "Unsubscribed Address".
    /// </summary>
    private static DeliveryEventKind Kind(string name, string? type, string? reason) => name switch
    {
        "delivered" => DeliveryEventKind.Delivered,
        "deferred" => DeliveryEventKind.Deferred,
        "bounce" when string.Equals(type, "blocked", StringComparison.OrdinalIgnoreCase) => DeliveryEventKind.SoftBounced,
        "bounce" => DeliveryEventKind.Bounced,
        "spamreport" => DeliveryEventKind.Complained,
        "unsubscribe" or "group_unsubscribe" => DeliveryEventKind.Unsubscribed,
        "dropped" => reason?.Trim() switch
        {
            { } r when r.StartsWith("Bounced Address", StringComparison.OrdinalIgnoreCase) || r.Equals("Invalid", StringComparison.OrdinalIgnoreCase) => DeliveryEventKind.Bounced,
            { } r when r.StartsWith("Spam Reporting Address", StringComparison.OrdinalIgnoreCase) => DeliveryEventKind.Complained,
            { } r when r.StartsWith("Unsubscribed Address", StringComparison.OrdinalIgnoreCase) => DeliveryEventKind.Unsubscribed,
            _ => DeliveryEventKind.Dropped,
        },
        _ => DeliveryEventKind.Ignored,
    };

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
