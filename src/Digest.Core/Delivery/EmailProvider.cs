using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;

namespace Digest.Core.Delivery;

/// <summary>
/// Which <see cref="IEmailSender"/> sends the digest ("Email:Provider"; Digest.Email registers each). In Core so that
/// every rule that depends on the provider (the postal address, the outbox in Azure) reads the same enum.
/// </summary>
public enum EmailProvider
{
    /// <summary>.eml files (MimeKit) in an outbox folder ("Email:Outbox:Path"; the embedded default).</summary>
    Outbox,

    /// <summary>SMTP through MailKit ("Email:Smtp"), e.g. maildev locally.</summary>
    Smtp,

    /// <summary>SendGrid v3 /mail/send through the official SendGrid client ("Email:SendGrid").</summary>
    SendGrid,
}

/// <summary>Reads "Email:Provider" (case-insensitive; unset is <see cref="EmailProvider.Outbox"/>).</summary>
public static class EmailProviderSetting
{
    public const string Key = "Email:Provider";

    public static bool TryRead(IConfiguration configuration, out EmailProvider provider)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[Key];
        provider = EmailProvider.Outbox;
        return string.IsNullOrWhiteSpace(value)
            || (Enum.TryParse(value.Trim(), ignoreCase: true, out provider) && Enum.IsDefined(provider) && !char.IsAsciiDigit(value.Trim()[0]));
    }

    /// <exception cref="InvalidOperationException">Email:Provider names no known provider.</exception>
    public static EmailProvider Read(IConfiguration configuration) =>
        TryRead(configuration, out var provider)
            ? provider
            : throw new InvalidOperationException($"{Key} must be Outbox, Smtp or SendGrid (was '{configuration[Key]}').");

    /// <summary>Whether the provider reaches real inboxes (SMTP or SendGrid, not the file outbox).</summary>
    public static bool SendsRealEmail(this EmailProvider provider) => provider is not EmailProvider.Outbox;
}
