namespace Digest.Email;

/// <summary>Which <see cref="Digest.Core.Delivery.IEmailSender"/> sends the digest ("Email:Provider").</summary>
public enum EmailProvider
{
    /// <summary>.eml files in an outbox folder (the embedded default; registered by the Outbox code).</summary>
    Outbox,

    /// <summary>System.Net.Mail over SMTP ("Email:Smtp"), e.g. maildev locally.</summary>
    Smtp,

    /// <summary>SendGrid v3 /mail/send ("Email:SendGrid").</summary>
    SendGrid,
}
