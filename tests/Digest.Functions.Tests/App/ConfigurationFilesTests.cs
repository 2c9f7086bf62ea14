using System.Text.Json;
using Digest.Functions.Tests.Support;
using NCrontab;

namespace Digest.Functions.Tests.App;

/// <summary>The committed Functions configuration: host.json, local.settings.json.example, and no custom-handler leftovers.</summary>
public sealed class ConfigurationFilesTests
{
    [Fact]
    public void HostJson_IsForTheIsolatedWorker_WithQueueLimitsAndNoRoutePrefix()
    {
        using var json = ReadJson("host.json");
        var root = json.RootElement;

        Assert.Equal("2.0", root.GetProperty("version").GetString());
        // The isolated worker brings its extensions (obj/.../WorkerExtensions); a bundle or a custom handler is a leftover.
        Assert.False(root.TryGetProperty("customHandler", out _));
        Assert.False(root.TryGetProperty("extensionBundle", out _));
        Assert.Equal(5, root.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32());
        // No prefix: the emails' links are /api/unsubscribe and /digests/...; every HTTP function names its full route.
        Assert.Equal(string.Empty, root.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.True(TimeSpan.TryParse(root.GetProperty("functionTimeout").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public void Source_HasNoFunctionJsonNorCustomHandlerScript()
    {
        Assert.Empty(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src"), "function.json", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(RepositoryPaths.Root, "scripts", "publish-functions.sh")));
    }

    [Fact]
    public void LocalSettingsExample_RunsTheIsolatedWorkerAgainstAzurite()
    {
        using var json = ReadJson("local.settings.json.example");
        var values = json.RootElement.GetProperty("Values");

        Assert.Equal("dotnet-isolated", values.GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
        Assert.Equal("UseDevelopmentStorage=true", values.GetProperty("AzureWebJobsStorage").GetString());
        Assert.All(values.EnumerateObject(), v => Assert.Equal(JsonValueKind.String, v.Value.ValueKind));
        // The signing key is left empty on purpose: the worker refuses to start until one is set.
        Assert.Equal(string.Empty, values.GetProperty("Digest__UnsubscribeSigningKey").GetString());
    }

    [Fact]
    public void DigestSchedule_DefaultsAgreeAndAreValidSixFieldCron()
    {
        using var settings = ReadJson("local.settings.json.example");
        using var parameters = ReadJson("infra", "main.parameters.json");
        var localDefault = settings.RootElement.GetProperty("Values").GetProperty("DigestSchedule").GetString()!;
        var infraDefault = parameters.RootElement.GetProperty("parameters").GetProperty("digestSchedule").GetProperty("value").GetString()!;

        Assert.Equal("0 0 6 * * *", localDefault);
        Assert.Contains(localDefault, infraDefault, StringComparison.Ordinal);
        var schedule = CrontabSchedule.Parse(localDefault, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        Assert.Equal(new DateTime(2025, 9, 3, 6, 0, 0), schedule.GetNextOccurrence(new DateTime(2025, 9, 2, 6, 0, 0)));
    }

    private static JsonDocument ReadJson(params string[] parts) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine([RepositoryPaths.Root, .. parts])));
}
