namespace Digest.Core.Delivery.Events;

/// <summary>One provider event about one message to one recipient.</summary>
/// <param name="Kind">What it means for Digest.</param>
/// <param name="Event">The provider's event name (part of the event's identity).</param>
/// <param name="Email">The recipient.</param>
/// <param name="Timestamp">When it happened (whole seconds, as the provider gives it).</param>
/// <param name="MessageId">The provider's message id.</param>
/// <param name="SubscriberKey">The subscriber key Digest sent with the message (custom argument), when it came back.</param>
public sealed record DeliveryEvent(DeliveryEventKind Kind, string Event, string Email, DateTimeOffset Timestamp, string MessageId, string? SubscriberKey)
{
    /// <summary>
    /// What identifies the event across the provider's duplicates and retries (its own event id changes between retries):
    /// message id, event name, recipient and time, hashed.
    /// </summary>
    public string Identity => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
        $"{MessageId}\n{Event}\n{Email.Trim().ToLowerInvariant()}\n{Timestamp.ToUnixTimeSeconds()}")))[..32];
}
