using System.Text;
using Digest.Core.Delivery;
using Digest.Core.Delivery.Subscribers;
using SendGrid.Helpers.Mail;

namespace Digest.Email.SendGrid;

/// <summary>
/// Turns a batch into the official client's <see cref="SendGridMessage"/>s: shared from/subject/content/categories,
/// one <see cref="Personalization"/> per recipient (to, substitutions, List-Unsubscribe headers, custom_args). Checks
/// SendGrid's per-message and per-recipient limits up front so a bad recipient fails alone instead of getting the
/// whole request rejected.
/// </summary>
internal sealed class SendGridMessageFactory(SendGridOptions options)
{
    /// <summary>The shared part of every request of a batch, or the reason the batch content cannot be sent.</summary>
    public (SendGridSharedContent? Shared, string? Error) BuildShared(EmailContent content)
    {
        if (EmailAddressRules.Validate(content.FromAddress, out var from) is { } fromError)
        {
            return (null, $"invalid from address: {fromError}");
        }

        if (string.IsNullOrWhiteSpace(content.Subject) || content.Subject.Any(char.IsControl))
        {
            return (null, "the subject is empty or contains control characters (CR/LF)");
        }

        var categories = options.Categories.Concat(content.Categories)
            .Where(c => !string.IsNullOrWhiteSpace(c))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (categories.Count > SendGridLimits.MaxCategories || categories.Any(c => c.Length > SendGridLimits.MaxCategoryLength))
        {
            return (null, $"SendGrid allows at most {SendGridLimits.MaxCategories} categories of up to {SendGridLimits.MaxCategoryLength} characters");
        }

        if (string.IsNullOrEmpty(content.Text) && string.IsNullOrEmpty(content.Html))
        {
            return (null, "the message has neither a text nor an HTML body");
        }

        var fromName = string.IsNullOrWhiteSpace(content.FromName) || content.FromName.Any(char.IsControl) ? null : content.FromName;
        return (new SendGridSharedContent(new EmailAddress(from, fromName), content.Subject, content.Text, content.Html, categories, options.SandboxMode), null);
    }

    /// <summary>One recipient's personalization, or the reason it cannot be sent (never containing the address).</summary>
    public (Personalization? Personalization, string? Error) BuildPersonalization(EmailBatch batch, EmailRecipient recipient, string address)
    {
        if (EmailHeaderRules.ValidateAll(recipient.Headers) is { } headerError)
        {
            return (null, headerError);
        }

        var reserved = recipient.Headers.Keys.FirstOrDefault(SendGridLimits.ReservedHeaders.Contains);
        if (reserved is not null)
        {
            return (null, $"SendGrid reserves the header {reserved}");
        }

        if (SizeOf(recipient.Substitutions) >= SendGridLimits.MaxSubstitutionBytes)
        {
            return (null, $"the substitutions exceed SendGrid's {SendGridLimits.MaxSubstitutionBytes} bytes per recipient");
        }

        var customArgs = new Dictionary<string, string>(3, StringComparer.Ordinal)
        {
            ["digest_id"] = batch.DigestId,
            ["batch_id"] = batch.BatchId,
            ["subscriber_key"] = recipient.SubscriberKey,
        };
        if (SizeOf(customArgs) > SendGridLimits.MaxCustomArgsBytes)
        {
            return (null, $"custom_args exceed SendGrid's {SendGridLimits.MaxCustomArgsBytes} bytes");
        }

        var name = string.IsNullOrWhiteSpace(recipient.Name) || recipient.Name.Any(char.IsControl) ? null : recipient.Name.Trim();
        return (new Personalization
        {
            Tos = [new EmailAddress(address, name)],
            Substitutions = recipient.Substitutions.Count == 0 ? null : new Dictionary<string, string>(recipient.Substitutions, StringComparer.Ordinal),
            Headers = recipient.Headers.Count == 0 ? null : new Dictionary<string, string>(recipient.Headers, StringComparer.OrdinalIgnoreCase),
            CustomArgs = customArgs,
        }, null);
    }

    private static int SizeOf(IEnumerable<KeyValuePair<string, string>> values) =>
        values.Sum(p => Encoding.UTF8.GetByteCount(p.Key) + Encoding.UTF8.GetByteCount(p.Value));
}
