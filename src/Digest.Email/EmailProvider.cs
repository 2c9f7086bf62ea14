namespace Digest.Email;

/// <summary>Which <see cref="Digest.Core.Delivery.IEmailSender"/> sends the digest ("Email:Provider").</summary>
public enum EmailProvider
{
    /// <summary>.eml files (MimeKit) in an outbox folder ("Email:Outbox:Path"; the embedded default).</summary>
    Outbox,

    /// <summary>SMTP through MailKit ("Email:Smtp"), e.g. maildev locally.</summary>
    Smtp,

    /// <summary>SendGrid v3 /mail/send through the official SendGrid client ("Email:SendGrid").</summary>
    SendGrid,
}
