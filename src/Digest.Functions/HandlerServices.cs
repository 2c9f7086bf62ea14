using Digest.Core;
using Digest.Core.Delivery;
using Digest.Azure;
using Digest.Core.Storage;
using Digest.Email;
using Digest.Email.Outbox;
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
    /// Storage: Azure Storage from AzureWebJobsStorage (the Functions convention: a connection string, or
    /// identity-based __blobServiceUri / __queueServiceUri with the managed identity in Azure). Without it (running
    /// the handler by hand, tests), the file-system store at Digest:StorePath and an in-process send queue.
    /// </summary>
    public static IServiceCollection AddDigestStorage(this IServiceCollection services, IConfiguration configuration)
    {
        if (StorageConnection.TryFromConfiguration(configuration, out var connection))
        {
            return services.AddDigestAzureStorage(connection);
        }

        var root = configuration["Digest:StorePath"];
        if (string.IsNullOrWhiteSpace(root))
        {
            root = Path.Combine(Path.GetTempPath(), "digest-functions-store");
        }

        return services.AddDigestFileSystemStorage(new FileSystemBlobStore(root));
    }

    /// <summary>
    /// Email: the provider named by Email:Provider (SendGrid in Azure, SMTP for maildev), else the file outbox at
    /// Email:Outbox:Path.
    /// </summary>
    public static IServiceCollection AddDigestEmailSender(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDigestEmail(configuration);
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section));
        services.TryAddSingleton<IEmailSender, OutboxEmailSender>();
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
