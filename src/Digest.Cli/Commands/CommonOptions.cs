using System.CommandLine;
using Digest.Cli.Hosting;

namespace Digest.Cli.Commands;

/// <summary>Options shared by the commands that work on a store.</summary>
internal static class CommonOptions
{
    public static Option<string?> Storage() => new("--storage")
    {
        Description = "Azure Storage connection string (UseDevelopmentStorage=true for Azurite). Default: the AzureWebJobsStorage setting; without it, the file-system store",
    };

    public static Option<string?> Store() => new("--store")
    {
        Description = $"File-system store folder, used when no Azure storage is configured. Default: {StorageSelection.DefaultStoreFolder}",
    };
}
