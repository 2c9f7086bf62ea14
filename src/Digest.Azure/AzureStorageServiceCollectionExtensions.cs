using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Digest.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Azure;

/// <summary>Registers Azure Storage as the blob store and the send-batches queues.</summary>
public static class AzureStorageServiceCollectionExtensions
{
    /// <summary>
    /// Uses the storage named by AzureWebJobsStorage (see <see cref="StorageSettings.TryRead"/>).
    /// Throws when it is missing or malformed; hosts that fall back to the file system call
    /// <see cref="StorageSettings.TryRead"/> first.
    /// </summary>
    public static IServiceCollection AddDigestAzureStorage(this IServiceCollection services, IConfiguration configuration) =>
        services.AddDigestAzureStorage(StorageSettings.Read(configuration));

    /// <summary>
    /// Registers <see cref="IBlobStore"/> (<see cref="AzureBlobStore"/>) and the keyed <see cref="IMessageQueue"/>s
    /// <see cref="Containers.SendBatchesQueue"/> and <see cref="Containers.SendBatchesPoisonQueue"/>
    /// (<see cref="AzureMessageQueue"/>, base64 messages), replacing earlier registrations of those services, plus the
    /// SDK's <see cref="BlobServiceClient"/> and <see cref="QueueServiceClient"/> (bounded retries; see
    /// <see cref="StorageSettings.CreateBlobServiceClient"/>) for code that needs the SDK directly.
    /// </summary>
    public static IServiceCollection AddDigestAzureStorage(this IServiceCollection services, StorageSettings connection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(connection);
        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<StorageSettings>();
        services.AddSingleton(connection);
        services.RemoveAll<BlobServiceClient>();
        services.AddSingleton(_ => connection.CreateBlobServiceClient());
        services.RemoveAll<QueueServiceClient>();
        services.AddSingleton(_ => connection.CreateQueueServiceClient());
        services.RemoveAll<IBlobStore>();
        services.AddSingleton<IBlobStore>(sp => new AzureBlobStore(sp.GetRequiredService<BlobServiceClient>()));
        foreach (var queue in new[] { Containers.SendBatchesQueue, Containers.SendBatchesPoisonQueue })
        {
            services.RemoveAllKeyed<IMessageQueue>(queue);
            services.AddKeyedSingleton<IMessageQueue>(queue, (sp, key) =>
                new AzureMessageQueue(sp.GetRequiredService<QueueServiceClient>().GetQueueClient((string)key!)));
        }

        return services;
    }
}
