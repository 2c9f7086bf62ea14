using Digest.Core;
using Digest.Core.Delivery;
using Digest.Core.Storage;
using Digest.Functions.Functions.BuildDigest;
using Digest.Functions.Functions.SendDigest;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Digest.Functions;

/// <summary>Everything the custom handler registers, in one place.</summary>
internal static class HandlerServices
{
    /// <summary>Port used when FUNCTIONS_CUSTOMHANDLER_PORT is unset (running the handler by hand).</summary>
    public const int DefaultPort = 5000;

    /// <summary>
    /// Loopback only: the Functions host is the handler's one client. The port comes from FUNCTIONS_CUSTOMHANDLER_PORT,
    /// which the host sets when it starts the handler.
    /// </summary>
    public static string ListenUrl(IConfiguration configuration)
    {
        var setting = configuration["FUNCTIONS_CUSTOMHANDLER_PORT"];
        if (string.IsNullOrWhiteSpace(setting))
        {
            return $"http://127.0.0.1:{DefaultPort}";
        }

        if (!int.TryParse(setting, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"FUNCTIONS_CUSTOMHANDLER_PORT must be a TCP port number (1-65535), not '{setting}'.");
        }

        return $"http://127.0.0.1:{port}";
    }

    /// <summary>
    /// Largest invocation body accepted. The blob trigger sends the blob's content in Data, so the Kestrel default
    /// (30 MB) would turn a large upload into a failed invocation retried forever instead of an article the job
    /// rejects by size (Digest:MaxArticleBytes) and quarantines. The host is the only client (loopback).
    /// </summary>
    public const long MaxInvocationBytes = 256L * 1024 * 1024;

    public static IServiceCollection AddDigestHandler(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxInvocationBytes);
        services.AddDigestCore(configuration);
        services.AddOptions<DigestOptions>()
            .Validate(o => IsUsableSigningKey(o.UnsubscribeSigningKey), "Digest:UnsubscribeSigningKey must be set (at least 32 bytes, base64 or text): the Unsubscribe function verifies links with it.");
        services.TryAddSingleton(sp => new UnsubscribeToken(sp.GetRequiredService<IOptions<DigestOptions>>().Value.UnsubscribeSigningKey!));

        services.AddDigestStorage(configuration);
        services.AddDigestEmailSender(configuration);

        services.TryAddSingleton<RunBuildDigest>(sp => sp.GetRequiredService<Digest.Core.Digests.BuildDigestJob>().RunAsync);
        services.TryAddSingleton<RunSendDigest>(sp => sp.GetRequiredService<SendDigestJob>().RunAsync);
        return services;
    }

    /// <summary>
    /// Storage hook. TEMPORARY until the Azure Storage package lands on this branch: the lead replaces the body with
    /// <c>services.AddDigestAzureStorage(configuration)</c> (blob store + keyed send-batches queue on AzureWebJobsStorage).
    /// Until then: the file-system store rooted at Digest:StorePath (default: a folder under the temp path) and an
    /// in-process send-batches queue, which is enough to run the handler locally and in the tests.
    /// </summary>
    public static IServiceCollection AddDigestStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var root = configuration["Digest:StorePath"];
        if (string.IsNullOrWhiteSpace(root))
        {
            root = Path.Combine(Path.GetTempPath(), "digest-functions-store");
        }

        services.TryAddSingleton<IBlobStore>(new FileSystemBlobStore(root));
        services.TryAddKeyedSingleton<IMessageQueue>(
            Containers.SendBatchesQueue,
            (sp, _) => new InMemoryMessageQueue(Containers.SendBatchesQueue, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// Email hook. TEMPORARY until the email package lands on this branch: the lead registers the configured
    /// <see cref="IEmailSender"/> here (SendGrid in Azure, file outbox by default). Until then the registered sender
    /// refuses to send, so SendDigest invocations fail with 500 (retried, then poisoned) instead of pretending to send.
    /// </summary>
    public static IServiceCollection AddDigestEmailSender(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.TryAddSingleton<IEmailSender, UnconfiguredEmailSender>();
        return services;
    }

    private static bool IsUsableSigningKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        try
        {
            _ = new UnsubscribeToken(key);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
