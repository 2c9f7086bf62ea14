using SendGrid;
using SendGrid.Helpers.Mail;

namespace Digest.Email.SendGrid;

/// <summary>What every request of a batch shares; <see cref="ForRequest"/> builds one request's message.</summary>
internal sealed record SendGridSharedContent(EmailAddress From, string Subject, string Text, string Html, IReadOnlyList<string> Categories, bool SandboxMode)
{
    /// <summary>
    /// A new message per request: the client's <see cref="SendGridMessage"/> is mutable (its serializer reorders
    /// <c>content</c> in place), so requests never share one. SendGrid requires text/plain first, then text/html, and
    /// no empty value.
    /// </summary>
    public SendGridMessage ForRequest(IEnumerable<Personalization> personalizations)
    {
        var contents = new List<Content>(2);
        if (!string.IsNullOrEmpty(Text))
        {
            contents.Add(new Content(MimeType.Text, Text));
        }

        if (!string.IsNullOrEmpty(Html))
        {
            contents.Add(new Content(MimeType.Html, Html));
        }

        return new SendGridMessage
        {
            From = From,
            Subject = Subject,
            Contents = contents,
            Personalizations = personalizations.ToList(),
            Categories = Categories.Count == 0 ? null : [.. Categories],
            MailSettings = SandboxMode ? new MailSettings { SandboxMode = new SandboxMode { Enable = true } } : null,
        };
    }
}
