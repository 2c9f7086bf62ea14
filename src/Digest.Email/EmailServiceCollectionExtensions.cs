using Digest.Core.Delivery;
using Digest.Email.Outbox;
using Digest.Email.SendGrid;
using Digest.Email.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Email;

/// <summary>Registers the email sender chosen by "Email:Provider".</summary>
public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="IEmailSender"/> for "Email:Provider" (Outbox, the default | Smtp | SendGrid), binding
    /// and validating at start-up (ValidateOnStart) the options of the chosen provider only: "Email:Smtp" or
    /// "Email:SendGrid" (which requires ApiKey). For Outbox nothing is registered here: hosts call
    /// <see cref="AddDigestEmailSender"/>, which adds the outbox as the fallback.
    /// </summary>
    /// <exception cref="InvalidOperationException">Email:Provider names no known provider.</exception>
    public static IServiceCollection AddDigestEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        switch (EmailProviderSetting.Read(configuration))
        {
            case EmailProvider.Smtp:
                AddSmtp(services, configuration);
                break;
            case EmailProvider.SendGrid:
                AddSendGrid(services, configuration);
                break;
            default:
                // Outbox: registered by the Outbox code (OutboxEmailSender), not here.
                break;
        }

        return services;
    }

    /// <summary>
    /// The hosts' one entry point (Functions app, CLI): the <see cref="IEmailSender"/> for "Email:Provider" as
    /// <see cref="AddDigestEmail"/> registers it, else the file outbox at "Email:Outbox:Path" (one .eml per message).
    /// A host that wants another outbox folder configures <see cref="OutboxOptions"/> after this call.
    /// </summary>
    /// <exception cref="InvalidOperationException">Email:Provider names no known provider.</exception>
    public static IServiceCollection AddDigestEmailSender(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDigestEmail(configuration);
        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection(OutboxOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Email:Outbox:Path must not be empty.");
        services.TryAddSingleton<IEmailSender, OutboxEmailSender>();
        return services;
    }

    private static void AddSmtp(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>()
            .Bind(configuration.GetSection(SmtpOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Host), "Email:Smtp:Host is required.")
            .Validate(o => o.Port is > 0 and <= 65535, "Email:Smtp:Port must be 1..65535.")
            .Validate(o => o.Timeout > TimeSpan.Zero, "Email:Smtp:Timeout must be positive.")
            .Validate(o => o.MaxRetries is >= 0 and <= 10, "Email:Smtp:MaxRetries must be 0..10.")
            .Validate(o => string.IsNullOrEmpty(o.Password) || !string.IsNullOrEmpty(o.UserName), "Email:Smtp:Password needs Email:Smtp:UserName.")
            .Validate(o => o.FromAddress is null || Core.Delivery.Subscribers.EmailAddressRules.IsValid(o.FromAddress), "Email:Smtp:FromAddress is not a valid address.")
            .ValidateOnStart();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
    }

    private static void AddSendGrid(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SendGridOptions>()
            .Bind(configuration.GetSection(SendGridOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ApiKey), "Email:SendGrid:ApiKey is required when Email:Provider is SendGrid (use a Key Vault reference in Azure).")
            .Validate(o => o.BaseAddress.IsAbsoluteUri && (o.BaseAddress.Scheme == Uri.UriSchemeHttps || o.BaseAddress.IsLoopback), "Email:SendGrid:BaseAddress must be an absolute https URL.")
            .Validate(o => o.MaxRecipientsPerRequest is > 0 and <= SendGridLimits.MaxPersonalizations, "Email:SendGrid:MaxRecipientsPerRequest must be 1..1000.")
            .Validate(o => o.MaxRetries is >= 0 and <= 10, "Email:SendGrid:MaxRetries must be 0..10.")
            .Validate(o => o.AttemptTimeout >= TimeSpan.FromMilliseconds(10) && o.AttemptTimeout <= TimeSpan.FromMinutes(10), "Email:SendGrid:AttemptTimeout must be 10 ms..10 min.")
            .Validate(o => o.RetryBaseDelay >= TimeSpan.Zero && o.MaxRetryDelay >= o.RetryBaseDelay, "Email:SendGrid:RetryBaseDelay must be >= 0 and <= MaxRetryDelay.")
            .Validate(o => o.Categories.Count <= SendGridLimits.MaxCategories, "Email:SendGrid:Categories allows at most 10 entries.")
            .ValidateOnStart();

        SendGridRegistration.Add(services);
    }
}
