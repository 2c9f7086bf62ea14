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
        if (Azure(configuration, storageOption) is { } connection)
        {
            var source = string.IsNullOrWhiteSpace(storageOption) ? "Azure Storage from AzureWebJobsStorage (" : "Azure Storage (";
            return (services => services.AddDigestAzureStorage(connection), source + connection + ")");
        }

        var root = Path.GetFullPath(storeFolder ?? DefaultStoreFolder);
        return (CliServices.FileSystem(new FileSystemBlobStore(root)), "file-system store " + root);
    }

    /// <summary>
    /// The Azure Storage account chosen by --storage or AzureWebJobsStorage, null for the file-system store; a
    /// malformed value is a <see cref="CliException"/> naming the option or setting, with an example of a valid one
    /// (exit 2 for the option).
    /// </summary>
    public static StorageSettings? Azure(IConfiguration configuration, string? storageOption)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(storageOption)
                ? StorageSettings.FromConnectionString(storageOption, "--storage")
                : StorageSettings.TryRead(configuration);
        }
        catch (StorageSettingsException e)
        {
            var identity = e.Setting.StartsWith(StorageSettings.DefaultName + "__", StringComparison.Ordinal);
            var example = identity
                ? "set absolute https service URIs, e.g. https://ACCOUNT.blob.core.windows.net and https://ACCOUNT.queue.core.windows.net"
                : "use e.g. UseDevelopmentStorage=true for Azurite, or DefaultEndpointsProtocol=https;AccountName=NAME;AccountKey=KEY;EndpointSuffix=core.windows.net";
            var where = e.Setting.StartsWith('-') ? e.Setting : "setting " + e.Setting;
            throw new CliException($"{where} is not valid ({e.Reason}); {example}", e.Setting.StartsWith('-') ? CliExit.Usage : CliExit.Failure, e);
        }
    }

    /// <summary>Just the blob store of that choice, for commands that need no jobs.</summary>
    public static IBlobStore OpenStore(IConfiguration configuration, string? storageOption, string? storeFolder) =>
        OpenStore(configuration, storageOption, storeFolder, out _);

    /// <summary>Just the blob store of that choice, and its description ("file-system store /path", "Azure Storage (...)").</summary>
    public static IBlobStore OpenStore(IConfiguration configuration, string? storageOption, string? storeFolder, out string description)
    {
        var services = new ServiceCollection().AddSingleton(TimeProvider.System);
        var (register, chosen) = Choose(configuration, storageOption, storeFolder);
        register(services);
        description = chosen;
        return services.BuildServiceProvider().GetRequiredService<IBlobStore>();
    }

    /// <summary>
    /// When a command read the default file-system store and found no digest while `digest run`'s store (out/.store)
    /// exists: the hint to pass --store out/.store. Null otherwise.
    /// </summary>
    public static string? RunStoreHint(string? storageOption, string? storeFolder) =>
        storeFolder is null && string.IsNullOrWhiteSpace(storageOption) && string.IsNullOrWhiteSpace(CliConfiguration.Build()[StorageSettings.DefaultName])
        && Directory.Exists(Path.Combine("out", ".store"))
            ? "note: `digest run` keeps its store in OUT/.store (here out/.store), not in .digest/store: pass --store out/.store to read it"
            : null;
}
