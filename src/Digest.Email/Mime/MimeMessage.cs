namespace Digest.Email.Mime;

/// <summary>One outgoing message, ready to be written as RFC 5322 text.</summary>
/// <param name="From">Sender.</param>
/// <param name="To">Recipient.</param>
/// <param name="Subject">Subject (line breaks are collapsed, non-ASCII is encoded per RFC 2047).</param>
/// <param name="Text">Plain-text part.</param>
/// <param name="Html">HTML part.</param>
/// <param name="Date">Date header.</param>
/// <param name="MessageId">Message-ID without angle brackets (id-left@id-right).</param>
/// <param name="Headers">Extra headers (List-Unsubscribe ...); a value containing CR or LF is refused.</param>
public sealed record MimeMessage(
    MailboxAddress From,
    MailboxAddress To,
    string Subject,
    string Text,
    string Html,
    DateTimeOffset Date,
    string MessageId,
    IReadOnlyDictionary<string, string> Headers);

/// <summary>An address with an optional display name.</summary>
public sealed record MailboxAddress(string Address, string? Name = null);
