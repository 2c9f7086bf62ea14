namespace Digest.Core.Delivery;

/// <summary>
/// The email seam. Implementations: file outbox (.eml files, the embedded default), SMTP, SendGrid.
/// A batch shares one content; each recipient has its own headers and substitutions (unsubscribe link).
/// Transient provider failures throw (the queue retries); a permanent rejection is returned per recipient.
/// </summary>
public interface IEmailSender
{
    /// <summary>
    /// Recipients per <see cref="SendAsync"/> call. The job claims and settles each call's recipients in the ledger
    /// around the call, so a process that dies leaves at most one call's recipients "in doubt": 1 for one message per
    /// call (SMTP, outbox), the whole batch for SendGrid (one request per batch). 0 or less: the whole batch.
    /// </summary>
    int RecipientsPerCall { get; }

    /// <summary>Sends one batch. Returns one outcome per recipient, in order.</summary>
    Task<IReadOnlyList<RecipientOutcome>> SendAsync(EmailBatch batch, CancellationToken cancellationToken = default);
}
