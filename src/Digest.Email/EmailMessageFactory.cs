using System.Text;
using Digest.Core.Delivery;
using Digest.Core.Delivery.Subscribers;
using MimeKit;

namespace Digest.Email;

/// <summary>
/// Builds the one MimeKit message per recipient that the outbox writes and SMTP sends: From, To, Subject, Date (from
/// the injected clock), a deterministic Message-ID, the recipient's headers (List-Unsubscribe, RFC 2369, and
/// List-Unsubscribe-Post, RFC 8058) and a multipart/alternative body (text/plain first, text/html last: RFC 2046
/// 5.1.4, the last part a client supports is shown) with the recipient's substitutions applied. MimeKit encodes
/// non-ASCII names and the subject (RFC 2047) and the bodies (quoted-printable or base64 after
/// <see cref="MimeMessage.Prepare"/>). What MimeKit would accept but Digest refuses is checked here first: CR or LF
/// in any header value (header injection), headers the sender owns, non-ASCII header values.
/// </summary>
internal sealed class EmailMessageFactory(TimeProvider time)
{
    /// <summary>The From mailbox of a batch, or the reason no message of it can be built (never naming an address).</summary>
    public static (MailboxAddress? From, string? Error) CheckContent(EmailContent content, string? fromAddress = null, string? fromName = null)
    {
        if (EmailAddressRules.Validate(fromAddress ?? content.FromAddress, out var address) is { } fromError)
        {
            return (null, "invalid from address: " + fromError);
        }

        var name = fromName ?? content.FromName;
        if (name?.Any(char.IsControl) == true)
        {
            return (null, "the from name contains control characters (CR/LF)");
        }

        if (string.IsNullOrWhiteSpace(content.Subject) || content.Subject.Any(char.IsControl))
        {
            return (null, "the subject is empty or contains control characters (CR/LF)");
        }

        return (new MailboxAddress(string.IsNullOrWhiteSpace(name) ? null : name.Trim(), address), null);
    }

    /// <summary>
    /// One recipient's message, or the reason it cannot be built (bad address or header; the reason names the
    /// header, never the address or the value).
    /// </summary>
    public (MimeMessage? Message, string? Error) Create(MailboxAddress from, EmailBatch batch, EmailRecipient recipient)
    {
        if (EmailAddressRules.Validate(recipient.Email, out var address) is { } addressError)
        {
            return (null, "invalid address: " + addressError);
        }

        if (!Ascii.IsValid(address))
        {
            // A non-ASCII local part needs SMTPUTF8 (RFC 6531) end to end; Digest sends plain RFC 5322 messages.
            return (null, "invalid address: a non-ASCII address needs SMTPUTF8, which Digest does not use");
        }

        if (EmailHeaderRules.ValidateAll(recipient.Headers) is { } headerError)
        {
            return (null, headerError);
        }

        // A display name with control characters is dropped rather than encoded: the address alone still delivers.
        var name = string.IsNullOrWhiteSpace(recipient.Name) || recipient.Name.Any(char.IsControl) ? null : recipient.Name.Trim();
        var message = new MimeMessage
        {
            Subject = batch.Content.Subject,
            Date = time.GetLocalNow(),
            MessageId = MessageIds.For(batch.DigestId, recipient.SubscriberKey, from.Address),
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(name, address));
        foreach (var (header, value) in recipient.Headers)
        {
            message.Headers.Add(header, value);
        }

        var body = new BodyBuilder
        {
            TextBody = EmailTags.Apply(batch.Content.Text, recipient.Substitutions),
            HtmlBody = EmailTags.Apply(batch.Content.Html, recipient.Substitutions),
        };
        message.Body = body.ToMessageBody();
        return (message, null);
    }
}
