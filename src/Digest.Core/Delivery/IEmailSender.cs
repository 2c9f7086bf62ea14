namespace Digest.Core.Delivery;

/// <summary>
/// The email seam. Implementations: file outbox (.eml files, the embedded default), SMTP, SendGrid.
/// A batch shares one content; each recipient has its own headers and substitutions (unsubscribe link).
/// Transient provider failures throw (the queue retries); a permanent rejection is returned per recipient.
/// </summary>
public interface IEmailSender
{
    /// <summary>Sends one batch. Returns one outcome per recipient, in order.</summary>
    Task<IReadOnlyList<RecipientOutcome>> SendAsync(EmailBatch batch, CancellationToken cancellationToken = default);
}
