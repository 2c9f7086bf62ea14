using System.Globalization;
using System.Text;

namespace Digest.Email.Mime;

/// <summary>
/// Writes a message as RFC 5322 text: multipart/alternative (RFC 2046 section 5.1.4) with the plain-text part first
/// and the HTML part last (clients show the last part they support), both UTF-8 quoted-printable.
/// </summary>
public static class MimeWriter
{
    public static string Write(MimeMessage message)
    {
        // The boundary starts with "=_": quoted-printable output can never contain that pair, so it cannot collide.
        var boundary = "=_digest_" + Guid.NewGuid().ToString("N");
        var builder = new StringBuilder(message.Html.Length + message.Text.Length + 2048);

        void Header(string name, string value)
        {
            HeaderEncoding.EnsureSafe(name, value.Replace("\r\n ", " ", StringComparison.Ordinal)); // folding (CRLF + space) is ours; any other break is refused
            builder.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        Header("From", HeaderEncoding.EncodeMailbox(message.From));
        Header("To", HeaderEncoding.EncodeMailbox(message.To));
        Header("Subject", HeaderEncoding.EncodeText("Subject", message.Subject));
        Header("Date", message.Date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + message.Date.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", string.Empty, StringComparison.Ordinal));
        Header("Message-ID", "<" + message.MessageId + ">");
        Header("MIME-Version", "1.0");
        // Per-recipient headers follow the same rules in every sender (outbox, SMTP, SendGrid).
        if (EmailHeaderRules.ValidateAll(message.Headers) is { } problem)
        {
            throw new ArgumentException(problem, nameof(message));
        }

        foreach (var (name, value) in message.Headers)
        {
            Header(name, value);
        }

        Header("Content-Type", $"multipart/alternative;\r\n boundary=\"{boundary}\"");
        builder.Append("\r\nThis is a multi-part message in MIME format.\r\n");
        Part(builder, boundary, "text/plain", message.Text);
        Part(builder, boundary, "text/html", message.Html);
        // The CRLF before a delimiter belongs to the delimiter (RFC 2046 section 5.1.1), not to the part.
        builder.Append("\r\n--").Append(boundary).Append("--\r\n");
        return builder.ToString();
    }

    private static void Part(StringBuilder builder, string boundary, string contentType, string body)
    {
        builder.Append("\r\n--").Append(boundary).Append("\r\n")
            .Append("Content-Type: ").Append(contentType).Append("; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: quoted-printable\r\n\r\n")
            .Append(QuotedPrintable.Encode(body));
    }
}
