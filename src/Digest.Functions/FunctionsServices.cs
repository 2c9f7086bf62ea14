using Digest.Azure;
using Digest.Core;
using Digest.Core.Delivery;
using Digest.Core.Storage;
using Digest.Email;
using Digest.Embeddings;
using Digest.Functions.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Digest.Functions;

/// <summary>Everything the Functions app registers, in one place (Program.cs calls only this).</summary>
public static class FunctionsServices
{
    /// <summary>
    /// Core jobs and options, the signing key rules (validated at start-up), storage and the email sender; the
    /// triggers the functions hand over to are Core's (AddDigestCore).
    /// </summary>
    /// <exception cref="InvalidOperationException">Running in Azure with no email provider configured (see <see cref="AzureHosting"/>).</exception>
    public static IServiceCollection AddDigestFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDigestCore(configuration);
        // ParseArticle embeds each article once (MiniLM, loaded once per process); BuildDigest reuses the stored vectors.
        services.AddDigestEmbeddings();
        // What a key must be is DigestOptions' rule (SigningKeyAttribute); the worker adds only that it must be set.
        services.AddOptions<DigestOptions>()
            .Validate(o => !string.IsNullOrEmpty(o.UnsubscribeSigningKey), "UnsubscribeSigningKey: Digest__UnsubscribeSigningKey must be set (32 bytes or more, base64 or text): the Unsubscribe function verifies links with it.")
            .ValidateOnStart();

        services.AddDigestStorage(configuration);
        AddEmail(services, configuration);

        // The HTTP functions' responses (through the ASP.NET Core integration) do not name the server software.
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return services;
    }

    /// <summary>
    /// Storage: Azure Storage from AzureWebJobsStorage (the Functions convention: a connection string, or
    /// identity-based __blobServiceUri / __queueServiceUri / __credential / __clientId in Azure). Without it
    /// (tests, a worker started by hand), the file-system store at Digest:StorePath and an in-process send queue.
    /// </summary>
    public static IServiceCollection AddDigestStorage(this IServiceCollection services, IConfiguration configuration)
    {
        if (StorageSettings.TryRead(configuration) is { } connection)
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
    /// Email: Digest.Email's <see cref="EmailServiceCollectionExtensions.AddDigestEmailSender"/> (the provider named by
    /// Email:Provider, else the file outbox). In Azure the outbox is refused: the app root is read-only (run from
    /// package), so every send would fail into the poison queue; better to stop at start-up and say which setting is missing.
    /// </summary>
    /// <exception cref="InvalidOperationException">Email:Provider is unset (or Outbox) while running in Azure.</exception>
    private static IServiceCollection AddEmail(IServiceCollection services, IConfiguration configuration)
    {
        if (EmailProviderSetting.Read(configuration) == EmailProvider.Outbox && AzureHosting.IsAzure(configuration))
        {
            throw new InvalidOperationException(AzureHosting.NoEmailProvider);
        }

        return services.AddDigestEmailSender(configuration);
    }
}
