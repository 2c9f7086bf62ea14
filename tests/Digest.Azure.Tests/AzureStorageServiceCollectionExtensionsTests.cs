using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Digest.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Azure.Tests;

public sealed class AzureStorageServiceCollectionExtensionsTests
{
    [Fact]
    public void AddDigestAzureStorage_DevelopmentStorage_RegistersBlobStoreAndBothKeyedQueues()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("AzureWebJobsStorage", "UseDevelopmentStorage=true")]).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IBlobStore>(new FileSystemBlobStore(Path.GetTempPath()));

        using var provider = services.AddDigestAzureStorage(configuration).BuildServiceProvider();

        Assert.IsType<AzureBlobStore>(provider.GetRequiredService<IBlobStore>());
        Assert.Single(provider.GetServices<IBlobStore>());
        Assert.Equal(Containers.SendBatchesQueue, provider.GetRequiredKeyedService<IMessageQueue>(Containers.SendBatchesQueue).Name);
        Assert.Equal(Containers.SendBatchesPoisonQueue, provider.GetRequiredKeyedService<IMessageQueue>(Containers.SendBatchesPoisonQueue).Name);
        Assert.IsType<AzureMessageQueue>(provider.GetRequiredKeyedService<IMessageQueue>(Containers.SendBatchesQueue));
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), provider.GetRequiredService<BlobServiceClient>().Uri);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), provider.GetRequiredService<QueueServiceClient>().Uri);
    }

    [Fact]
    public void AddDigestAzureStorage_ManagedIdentitySettings_RegistersClientsForTheServiceUris()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
        [
            new("AzureWebJobsStorage:blobServiceUri", "https://acct.blob.core.windows.net"),
            new("AzureWebJobsStorage:queueServiceUri", "https://acct.queue.core.windows.net"),
            new("AzureWebJobsStorage:credential", "managedidentity"),
            new("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000001"),
        ]).Build();

        using var provider = new ServiceCollection().AddDigestAzureStorage(configuration).BuildServiceProvider();

        Assert.Equal(new Uri("https://acct.blob.core.windows.net"), provider.GetRequiredService<BlobServiceClient>().Uri);
        Assert.Equal("acct", provider.GetRequiredService<BlobServiceClient>().AccountName);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), provider.GetRequiredService<QueueServiceClient>().Uri);
        Assert.Equal(Containers.SendBatchesQueue, provider.GetRequiredKeyedService<IMessageQueue>(Containers.SendBatchesQueue).Name);
        Assert.Contains("token credential", provider.GetRequiredService<StorageSettings>().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddDigestAzureStorage_NothingConfigured_ThrowsWithWhatToSet()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddDigestAzureStorage(new ConfigurationBuilder().Build()));

        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
    }
}
