using Digest.Azure;
using Digest.Core.Storage;
using Digest.Testing;

namespace Digest.Cli.Tests.Dev;

/// <summary>Empties Digest's containers and queues in the shared Azurite, for tests that use the real container names.</summary>
internal static class AzuriteReset
{
    public static async Task<AzureBlobStore> ResetAsync()
    {
        var connection = StorageSettings.FromConnectionString(TestServices.RequireStorage());
        var store = new AzureBlobStore(connection.CreateBlobServiceClient());
        foreach (var container in Containers.All)
        {
            var names = new List<string>();
            await foreach (var blob in store.ListAsync(container))
            {
                names.Add(blob.Name);
            }

            foreach (var name in names)
            {
                await store.DeleteAsync(container, name);
            }
        }

        var queues = connection.CreateQueueServiceClient();
        foreach (var queue in new[] { Containers.SendBatchesQueue, Containers.SendBatchesPoisonQueue })
        {
            var client = new AzureMessageQueue(queues.GetQueueClient(queue));
            while (true)
            {
                var messages = await client.ReceiveAsync(32, TimeSpan.FromSeconds(30));
                if (messages.Count == 0)
                {
                    break;
                }

                foreach (var message in messages)
                {
                    await client.DeleteAsync(message);
                }
            }
        }

        return store;
    }
}
