namespace Digest.Core.Delivery;

/// <summary>A double opt-in confirmation that was sent and not yet used.</summary>
/// <param name="Nonce">Random, URL-safe; the confirmation link's token names it.</param>
/// <param name="SentAt">When the confirmation email was sent.</param>
public sealed record PendingConfirmation(string Nonce, DateTimeOffset SentAt);
