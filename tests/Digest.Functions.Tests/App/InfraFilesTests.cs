using System.Text.Json;
using System.Text.RegularExpressions;
using Digest.Core.Storage;
using Digest.Functions.Tests.Support;

namespace Digest.Functions.Tests.App;

/// <summary>
/// The Bicep CLI is not installable here, so these check what can be checked: the parameters file, that every
/// parameter and module it relies on exists, and that the names match the code's.
/// </summary>
public sealed partial class InfraFilesTests
{
    private static readonly string Infra = Path.Combine(RepositoryPaths.Root, "infra");

    [Fact]
    public void MainParameters_ParseAndEachNamesAParameterOfMainBicep()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Infra, "main.parameters.json")));
        var declared = ParamPattern().Matches(File.ReadAllText(Path.Combine(Infra, "main.bicep"))).Select(m => m.Groups[1].Value).ToHashSet();

        var given = json.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToArray();

        Assert.NotEmpty(given);
        Assert.All(given, name => Assert.Contains(name, declared));
        // Every parameter without a default must be supplied.
        Assert.All(["environmentName", "location", "unsubscribeSigningKey"], name => Assert.Contains(name, given));
    }

    [Fact]
    public void MainBicep_ModulesExist()
    {
        var modules = ModulePattern().Matches(File.ReadAllText(Path.Combine(Infra, "main.bicep"))).Select(m => m.Groups[1].Value).ToArray();

        Assert.NotEmpty(modules);
        Assert.All(modules, module => Assert.True(File.Exists(Path.Combine(Infra, module)), "missing " + module));
    }

    [Fact]
    public void StorageBicep_CreatesEveryContainerAndQueueTheCodeUses()
    {
        var storage = File.ReadAllText(Path.Combine(Infra, "app", "storage.bicep"));

        Assert.All(Containers.All, container => Assert.Contains($"'{container}'", storage, StringComparison.Ordinal));
        Assert.Contains($"'{Containers.SendBatchesQueue}'", storage, StringComparison.Ordinal);
        Assert.Contains($"'{Containers.SendBatchesPoisonQueue}'", storage, StringComparison.Ordinal);
        Assert.Contains("allowSharedKeyAccess: false", storage, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionsBicep_UsesIdentityStorageAndKeyVaultReferences()
    {
        var functions = File.ReadAllText(Path.Combine(Infra, "app", "functions.bicep"));

        Assert.Contains("AzureWebJobsStorage__credential: 'managedidentity'", functions, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__blobServiceUri", functions, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__queueServiceUri", functions, StringComparison.Ordinal);
        Assert.Contains("@Microsoft.KeyVault(VaultName=", functions, StringComparison.Ordinal);
        Assert.Contains("name: 'FC1'", functions, StringComparison.Ordinal);
        Assert.Contains("name: 'custom'", functions, StringComparison.Ordinal);
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME:", functions, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureYaml_DeploysTheFunctionsProjectAfterThePublishCheck()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "azure.yaml"));

        Assert.Contains("project: ./src/Digest.Functions", yaml, StringComparison.Ordinal);
        Assert.Contains("host: function", yaml, StringComparison.Ordinal);
        Assert.Contains("prepackage:", yaml, StringComparison.Ordinal);
        Assert.Contains("scripts/publish-functions.sh", yaml, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "scripts", "publish-functions.sh")));
    }

    [GeneratedRegex(@"^param\s+(\w+)\s", RegexOptions.Multiline)]
    private static partial Regex ParamPattern();

    [GeneratedRegex(@"^module\s+\w+\s+'([^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModulePattern();
}
