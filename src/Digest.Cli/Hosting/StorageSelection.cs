using Digest.Azure;
using Digest.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Cli.Hosting;

/// <summary>
/// Which storage a command uses: the --storage option, else the AzureWebJobsStorage setting (the Functions
/// convention, connection string or identity-based), else the file-system store at --store.
/// </summary>
internal static class StorageSelection
{
    public const string DefaultStoreFolder = ".digest/store";

    public static (Action<IServiceCollection> Register, string Description) Choose(IConfiguration configuration, string? storageOption, string? storeFolder)
    {
        if (!string.IsNullOrWhiteSpace(storageOption))
        {
            var connection = StorageConnection.Parse(storageOption);
            return (services => services.AddDigestAzureStorage(connection), "Azure Storage (" + connection + ")");
        }

        if (StorageConnection.TryFromConfiguration(configuration, out var configured))
        {
            return (services => services.AddDigestAzureStorage(configured), "Azure Storage from AzureWebJobsStorage (" + configured + ")");
        }

        var root = Path.GetFullPath(storeFolder ?? DefaultStoreFolder);
        return (CliServices.FileSystem(new FileSystemBlobStore(root)), "file-system store " + root);
    }

    /// <summary>Just the blob store of that choice, for commands that need no jobs.</summary>
    public static IBlobStore OpenStore(IConfiguration configuration, string? storageOption, string? storeFolder)
    {
        var services = new ServiceCollection().AddSingleton(TimeProvider.System);
        Choose(configuration, storageOption, storeFolder).Register(services);
        return services.BuildServiceProvider().GetRequiredService<IBlobStore>();
    }
}
