using System.Text.Json.Serialization;

namespace Digest.Email.SendGrid.Model;

/// <summary>The body of POST /v3/mail/send.</summary>
public sealed record SendGridMessage(
    [property: JsonPropertyName("personalizations")] IReadOnlyList<Personalization> Personalizations,
    [property: JsonPropertyName("from")] EmailAddress From,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("content")] IReadOnlyList<Content> Content,
    [property: JsonPropertyName("categories")] IReadOnlyList<string>? Categories,
    [property: JsonPropertyName("mail_settings")] MailSettings? MailSettings);
