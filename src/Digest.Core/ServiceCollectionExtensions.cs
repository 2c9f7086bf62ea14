using Digest.Core.Articles;
using Digest.Core.Delivery;
using Digest.Core.Digests;
using Digest.Core.Stories;
using Digest.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Core;

/// <summary>Registers the core: options, parser, composer, renderer and the three jobs.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the core services. A host must also register an <see cref="IBlobStore"/>, an <see cref="IEmailSender"/>
    /// and the send-batches <see cref="IMessageQueue"/> (keyed <see cref="Containers.SendBatchesQueue"/>): Azure
    /// Storage, or <see cref="AddDigestFileSystemStorage"/>.
    /// </summary>
    public static IServiceCollection AddDigestCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestOptions>()
            .Bind(configuration.GetSection(DigestOptions.Section))
            .Validate(o => o.BatchSize is > 0 and <= 1000, "Digest:BatchSize must be 1..1000.")
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.IsLoopback), "Digest:PublicBaseUrl must be an absolute https URL.")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Digest:TimeZone must be a known IANA time zone.")
            .Validate(o => o.MaxArticleAgeDays is >= 0 and <= 3650, "Digest:MaxArticleAgeDays must be 0..3650.")
            .Validate(o => o.MaxStories is > 0 and <= 500 && o.FullStories is >= 0 and <= 50, "Digest:MaxStories must be 1..500 and Digest:FullStories 0..50.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.PostalAddress) || !SendsRealEmail(configuration), "Digest:PostalAddress (Digest__PostalAddress) is required when Email:Provider is Smtp or SendGrid: every commercial email must carry the sender's postal address (CAN-SPAM). Set it, or use the file outbox.")
            .ValidateOnStart();
        services.AddOptions<StoryComposerOptions>()
            .Bind(configuration.GetSection(StoryComposerOptions.Section))
            .Validate(o => o.LookbackDays is >= 0 and <= 90 && o.WriteAttempts > 0, "Digest:Stories:LookbackDays must be 0..90 and WriteAttempts positive.");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ArticleParser>();
        services.TryAddSingleton<StoryComposer>();
        services.TryAddSingleton<DigestRenderer>();
        services.TryAddSingleton<SubscriberDirectory>();
        services.TryAddSingleton<ParseArticleJob>();
        services.TryAddSingleton<BuildDigestJob>();
        services.TryAddSingleton<SendDigestJob>();
        services.TryAddSingleton<SendDayJob>();
        return services;
    }

    /// <summary>Whether "Email:Provider" names a sender that reaches real inboxes (SMTP or SendGrid, not the file outbox).</summary>
    private static bool SendsRealEmail(IConfiguration configuration) =>
        configuration["Email:Provider"] is { } provider
        && (provider.Equals("Smtp", StringComparison.OrdinalIgnoreCase) || provider.Equals("SendGrid", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The embedded default storage: a file-system store and in-process send-batches queues (the poison queue too).
    /// Earlier registrations win, so a host or test may register its own first.
    /// </summary>
    public static IServiceCollection AddDigestFileSystemStorage(this IServiceCollection services, FileSystemBlobStore store)
    {
        services.TryAddSingleton<IBlobStore>(store);
        foreach (var queue in new[] { Containers.SendBatchesQueue, Containers.SendBatchesPoisonQueue })
        {
            services.TryAddKeyedSingleton<IMessageQueue>(queue, (sp, key) => new InMemoryMessageQueue((string)key!, sp.GetRequiredService<TimeProvider>()));
        }

        return services;
    }
}
