using Microsoft.Extensions.Options;

namespace Digest.Core.Delivery.Subscribing;

/// <summary>Self-service subscribing and provider events, bound from "Digest:Subscribers" (Digest__Subscribers__...).</summary>
public sealed class SubscribersOptions
{
    public const string Section = "Digest:Subscribers";

    /// <summary>How long a confirmation link works. Default 48 hours.</summary>
    [Duration("00:01:00", "30.00:00:00")]
    public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromHours(48);

    /// <summary>At most one confirmation email per address in this interval, however often the form is posted. Default 1 hour.</summary>
    [Duration("00:00:00", "7.00:00:00")]
    public TimeSpan ConfirmationInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Subscribe requests one client (IP address) may make per clock hour, whatever the addresses; keeps the form from
    /// mailing confirmations to many strangers. Default 10.
    /// </summary>
    [WholeNumber(1, 100000)]
    public int RequestsPerClientPerHour { get; set; } = 10;

    /// <summary>Days in a row with soft bounces after which an address is suppressed as bounced. Default 3.</summary>
    [WholeNumber(1, 365)]
    public int SoftBounceDays { get; set; } = 3;

    /// <summary>
    /// The public key of SendGrid's Signed Event Webhook (base64, as SendGrid shows it under Mail Settings, Event
    /// Webhook, Signature Verification). Without it the events endpoint accepts nothing. Not a secret, but kept in
    /// Key Vault beside the API key so both are rotated in one place.
    /// </summary>
    public string? SendGridWebhookPublicKey { get; set; }

    /// <summary>Largest event batch accepted, in bytes. Default 2 MiB (SendGrid posts batches well under 1 MiB).</summary>
    [WholeNumber(1024, 64 * 1024 * 1024)]
    public int MaxEventBatchBytes { get; set; } = 2 * 1024 * 1024;
}

/// <summary>Checks <see cref="SubscribersOptions"/> by its attributes (source-generated).</summary>
[OptionsValidator]
public sealed partial class SubscribersOptionsValidator : IValidateOptions<SubscribersOptions>;
