namespace Digest.Core.Delivery;

/// <summary>One send: shared content, many recipients.</summary>
/// <param name="DigestId">Digest being sent (for provider tracking: custom args).</param>
/// <param name="BatchId">Batch id (for provider tracking and the ledger).</param>
/// <param name="Content">Subject and bodies with substitution tags.</param>
/// <param name="Recipients">Who receives it, each with their own substitutions and headers.</param>
public sealed record EmailBatch(string DigestId, string BatchId, EmailContent Content, IReadOnlyList<EmailRecipient> Recipients);

/// <summary>Content shared by a batch. Bodies may contain substitution tags (see <see cref="EmailTags"/>).</summary>
/// <param name="FromAddress">Sender address.</param>
/// <param name="FromName">Sender display name.</param>
/// <param name="Subject">Subject line (no CR/LF; senders encode non-ASCII per RFC 2047).</param>
/// <param name="Html">HTML part.</param>
/// <param name="Text">Plain-text part.</param>
/// <param name="Categories">Provider categories (SendGrid), e.g. "digest".</param>
public sealed record EmailContent(string FromAddress, string? FromName, string Subject, string Html, string Text, IReadOnlyList<string> Categories);

/// <summary>One recipient of a batch.</summary>
/// <param name="Email">Address.</param>
/// <param name="Name">Display name.</param>
/// <param name="SubscriberKey">Storage key (what the ledger records; never the address).</param>
/// <param name="Substitutions">Tag to value, applied to the bodies (values already escaped for their part where the tag says so).</param>
/// <param name="Headers">Per-recipient headers: List-Unsubscribe, List-Unsubscribe-Post.</param>
public sealed record EmailRecipient(
    string Email,
    string? Name,
    string SubscriberKey,
    IReadOnlyDictionary<string, string> Substitutions,
    IReadOnlyDictionary<string, string> Headers);

/// <summary>What happened to one recipient.</summary>
/// <param name="SubscriberKey">Whose outcome.</param>
/// <param name="Accepted">The provider took the message.</param>
/// <param name="MessageId">Provider or Message-ID header id.</param>
/// <param name="Error">Why not, when not accepted.</param>
/// <param name="Retryable">Not accepted, but not rejected either (the provider failed after others in the batch were
/// accepted): the job retries these instead of parking them.</param>
public sealed record RecipientOutcome(string SubscriberKey, bool Accepted, string? MessageId, string? Error, bool Retryable = false);
