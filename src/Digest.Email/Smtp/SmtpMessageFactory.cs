using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Digest.Core.Delivery;

namespace Digest.Email.Smtp;

/// <summary>
/// Builds one System.Net.Mail message per recipient: substitutions applied (<see cref="EmailTags.Apply"/>), a
/// multipart/alternative body (text/plain first, then text/html, RFC 2046 5.1.4: last is preferred), the recipient's
/// List-Unsubscribe headers (RFC 2369, RFC 8058), a Message-ID, and UTF-8 subject/names (RFC 2047 encoded words).
/// </summary>
internal static class SmtpMessageFactory
{
    public static MailMessage Create(MailAddress from, EmailContent content, EmailRecipient recipient, string address, string messageId)
    {
        var message = new MailMessage
        {
            From = from,
            Subject = content.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
            IsBodyHtml = false,
            Body = EmailTags.Apply(content.Text, recipient.Substitutions),
        };
        var name = string.IsNullOrWhiteSpace(recipient.Name) || recipient.Name.Any(char.IsControl) ? null : recipient.Name.Trim();
        message.To.Add(new MailAddress(address, name, Encoding.UTF8));
        var html = AlternateView.CreateAlternateViewFromString(EmailTags.Apply(content.Html, recipient.Substitutions), Encoding.UTF8, MediaTypeNames.Text.Html);
        html.TransferEncoding = TransferEncoding.QuotedPrintable;
        message.AlternateViews.Add(html);
        message.Headers.Add("Message-ID", messageId);
        foreach (var (header, value) in recipient.Headers)
        {
            // Checked by EmailHeaderRules beforehand: ASCII, no CR/LF, not a header the sender owns.
            message.Headers.Add(header, value);
        }

        return message;
    }
}
