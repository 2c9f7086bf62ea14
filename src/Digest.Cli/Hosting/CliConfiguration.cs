using Microsoft.Extensions.Configuration;

namespace Digest.Cli.Hosting;

/// <summary>
/// Configuration for the CLI: environment variables in the .NET convention (Digest__TimeZone, Email__Provider,
/// AzureWebJobsStorage ...), then the command's own options on top.
/// </summary>
internal static class CliConfiguration
{
    public static IConfiguration Build(IDictionary<string, string?>? overrides = null) =>
        new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
}
