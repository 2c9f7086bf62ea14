using Digest.Core.Articles;
using Digest.Core.Delivery;
using Digest.Core.Delivery.Events;
using Digest.Core.Delivery.Subscribing;
using Digest.Core.Digests;
using Digest.Core.Stories;
using Digest.Core.Storage;
using Digest.Core.Triggers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
        // The rules are the options' attributes, checked by their source-generated validators; the postal address
        // depends on another section (Email:Provider), so it is the one rule written here.
        services.AddOptions<DigestOptions>()
            .Bind(configuration.GetSection(DigestOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.PostalAddress) || !SendsRealEmail(configuration), "PostalAddress: is required when Email:Provider is Smtp or SendGrid: every commercial email must carry the sender's postal address (CAN-SPAM). Set it, or use the file outbox.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DigestOptions>, DigestOptionsValidator>());
        services.AddOptions<StoryComposerOptions>()
            .Bind(configuration.GetSection(StoryComposerOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StoryComposerOptions>, StoryComposerOptionsValidator>());
        services.AddOptions<SubscribersOptions>()
            .Bind(configuration.GetSection(SubscribersOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SubscribersOptions>, SubscribersOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ArticleParser>();
        services.TryAddSingleton<StoryComposer>();
        services.TryAddSingleton<DigestRenderer>();
        services.TryAddSingleton<SubscriberDirectory>();
        services.TryAddSingleton<SendPlanner>();
        services.TryAddSingleton(sp => new UnsubscribeToken(sp.GetRequiredService<IOptions<DigestOptions>>().Value.UnsubscribeSigningKey
            ?? throw new InvalidOperationException("Digest:UnsubscribeSigningKey is not configured: unsubscribe links cannot be signed or verified.")));
        services.TryAddSingleton<ParseArticleJob>();
        services.TryAddSingleton<BuildDigestJob>();
        services.TryAddSingleton<SendDigestJob>();
        services.TryAddSingleton<SendDayJob>();
        services.TryAddSingleton<SubscribeJob>();
        services.TryAddSingleton<DeliveryEventsJob>();
        // What each trigger does, once: the Functions app's function classes and `digest dev` both call these.
        services.TryAddSingleton<RunBuildDigest>(sp => sp.GetRequiredService<BuildDigestJob>().RunAsync);
        services.TryAddSingleton<RunSendDigest>(sp => sp.GetRequiredService<SendDigestJob>().RunAsync);
        services.TryAddSingleton<ArticleUploadTrigger>();
        services.TryAddSingleton<DailyBuildTrigger>();
        services.TryAddSingleton<SendBatchTrigger>();
        return services;
    }

    /// <summary>Whether "Email:Provider" names a sender that reaches real inboxes (an unknown name is refused elsewhere).</summary>
    private static bool SendsRealEmail(IConfiguration configuration) =>
        EmailProviderSetting.TryRead(configuration, out var provider) && provider.SendsRealEmail();

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
