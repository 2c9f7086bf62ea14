using System.Text.Json;
using System.Text.RegularExpressions;
using Digest.Core.Storage;
using Digest.Functions.Tests.Support;

namespace Digest.Functions.Tests.Infra;

/// <summary>
/// What Bicep cannot check: the parameters file matches main.bicep, the names match the code's, and the deployment is
/// the isolated worker's (BicepTests compiles and lints the same files).
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
    public void FunctionsBicep_RunsTheIsolatedWorkerWithIdentityStorageAndKeyVaultReferences()
    {
        var functions = File.ReadAllText(Path.Combine(Infra, "app", "functions.bicep"));

        Assert.Contains("AzureWebJobsStorage__credential: 'managedidentity'", functions, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__clientId", functions, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__blobServiceUri", functions, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__queueServiceUri", functions, StringComparison.Ordinal);
        Assert.Contains("@Microsoft.KeyVault(VaultName=", functions, StringComparison.Ordinal);
        Assert.Contains("keyVaultReferenceIdentity: identityId", functions, StringComparison.Ordinal);
        Assert.Contains("name: 'FC1'", functions, StringComparison.Ordinal);
        Assert.Contains("name: 'dotnet-isolated'", functions, StringComparison.Ordinal);
        Assert.Contains("param runtimeVersion string = '10.0'", functions, StringComparison.Ordinal);
        // Flex Consumption takes the runtime from functionAppConfig, not from an app setting.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME:", functions, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureYaml_DeploysTheWorkerWithoutAPrepackageHook_AndSubscribesArticleEventsAfterDeploy()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "azure.yaml"));

        Assert.Contains("project: ./src/Digest.Functions", yaml, StringComparison.Ordinal);
        Assert.Contains("host: function", yaml, StringComparison.Ordinal);
        Assert.Contains("language: dotnet", yaml, StringComparison.Ordinal);
        Assert.Contains("requiredVersions:\n  azd: \">= ", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("prepackage", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("../", yaml, StringComparison.Ordinal);
        Assert.Contains("postdeploy:", yaml, StringComparison.Ordinal);
        Assert.Contains("run: ./infra/scripts/subscribe-article-events.sh", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void SubscribeArticleEventsScript_ReadsTheBlobsExtensionKeyAndTargetsParseArticle()
    {
        var script = File.ReadAllText(Path.Combine(Infra, "scripts", "subscribe-article-events.sh"));
        var main = File.ReadAllText(Path.Combine(Infra, "main.bicep"));

        Assert.StartsWith("#!/bin/sh", script, StringComparison.Ordinal);
        Assert.Contains("systemKeys.blobs_extension", script, StringComparison.Ordinal);
        Assert.Contains("functionName=Host.Functions.$function_name", script, StringComparison.Ordinal);
        Assert.Contains("function_name=ParseArticle", script, StringComparison.Ordinal);
        Assert.Contains($"container={Containers.Articles}", script, StringComparison.Ordinal);
        // Every azd variable it reads is an output of main.bicep.
        Assert.All(["RESOURCE_GROUP", "AZURE_FUNCTION_APP_NAME", "AZURE_ARTICLES_SYSTEM_TOPIC_NAME"], name => Assert.Contains("output " + name + " ", main, StringComparison.Ordinal));
        // It writes no files (nothing outside the repository, nothing inside it either).
        Assert.DoesNotContain(">", script.Replace("2>/dev/null", string.Empty, StringComparison.Ordinal).Replace(">&2", string.Empty, StringComparison.Ordinal).Replace(">/dev/null", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^param\s+(\w+)\s", RegexOptions.Multiline)]
    private static partial Regex ParamPattern();

    [GeneratedRegex(@"^module\s+\w+\s+'([^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModulePattern();
}
