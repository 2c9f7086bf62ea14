using System.Text.Json;
using Digest.Core.Storage;
using Digest.Functions.Tests.Support;
using NCrontab;

namespace Digest.Functions.Tests.App;

/// <summary>Checks the committed Functions configuration (what Bicep and func cannot check here).</summary>
public sealed class SourceLayoutTests
{
    public static TheoryData<string> FunctionNames() => new(FunctionEndpoints.Names);

    [Fact]
    public void FunctionFolders_MatchTheHandlerRoutes()
    {
        var folders = Directory.GetDirectories(RepositoryPaths.FunctionsSource)
            .Where(d => File.Exists(Path.Combine(d, "function.json")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);

        Assert.Equal(FunctionEndpoints.Names.Order(StringComparer.Ordinal), folders);
    }

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public void FunctionJson_Parses_AndHasExactlyOneTrigger(string name)
    {
        using var json = ReadJson("src", "Digest.Functions", "Functions", name, "function.json");
        var bindings = json.RootElement.GetProperty("bindings").EnumerateArray().ToArray();

        Assert.NotEmpty(bindings);
        Assert.All(bindings, b => Assert.False(string.IsNullOrEmpty(b.GetProperty("type").GetString())));
        Assert.All(bindings, b => Assert.False(string.IsNullOrEmpty(b.GetProperty("name").GetString())));
        Assert.Single(bindings, b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
    }

    [Fact]
    public void ParseArticle_IsAnEventGridBlobTriggerOnArticles()
    {
        var trigger = Trigger("ParseArticle");

        Assert.Equal("blobTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(Containers.Articles + "/{name}", trigger.GetProperty("path").GetString());
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void SendDigest_IsAQueueTriggerOnSendBatches()
    {
        var trigger = Trigger("SendDigest");

        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(Containers.SendBatchesQueue, trigger.GetProperty("queueName").GetString());
        Assert.Equal("message", trigger.GetProperty("name").GetString());
    }

    [Fact]
    public void BuildDigest_TakesItsScheduleFromTheDigestScheduleSetting_WithAValidDefault()
    {
        var trigger = Trigger("BuildDigest");
        using var settings = ReadJson("local.settings.json.example");
        using var parameters = ReadJson("infra", "main.parameters.json");
        var localDefault = settings.RootElement.GetProperty("Values").GetProperty("DigestSchedule").GetString()!;
        var infraDefault = parameters.RootElement.GetProperty("parameters").GetProperty("digestSchedule").GetProperty("value").GetString()!;

        Assert.Equal("%DigestSchedule%", trigger.GetProperty("schedule").GetString());
        Assert.Equal("0 0 6 * * *", localDefault);
        Assert.Contains(localDefault, infraDefault, StringComparison.Ordinal);
        var schedule = CrontabSchedule.Parse(localDefault, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        Assert.Equal(new DateTime(2025, 9, 3, 6, 0, 0), schedule.GetNextOccurrence(new DateTime(2025, 9, 2, 6, 0, 0)));
    }

    [Fact]
    public void Unsubscribe_IsAnAnonymousForwardableHttpTrigger()
    {
        using var json = ReadJson("src", "Digest.Functions", "Functions", "Unsubscribe", "function.json");
        var bindings = json.RootElement.GetProperty("bindings").EnumerateArray().ToArray();
        var trigger = bindings.Single(b => b.GetProperty("type").GetString() == "httpTrigger");

        // Forwarding needs exactly an HTTP trigger and an HTTP output, nothing else.
        Assert.Equal(["httpTrigger", "http"], bindings.Select(b => b.GetProperty("type").GetString()));
        Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString());
        Assert.Equal("unsubscribe", trigger.GetProperty("route").GetString());
        Assert.Equal(["get", "post"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void HostJson_DeclaresTheCustomHandlerBundleAndQueueLimits()
    {
        using var json = ReadJson("host.json");
        var root = json.RootElement;
        var handler = root.GetProperty("customHandler");

        Assert.Equal("2.0", root.GetProperty("version").GetString());
        Assert.Equal("Digest.Functions", handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.True(handler.GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", root.GetProperty("extensionBundle").GetProperty("id").GetString());
        Assert.Equal("[4.*, 5.0.0)", root.GetProperty("extensionBundle").GetProperty("version").GetString());
        Assert.Equal(5, root.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal("api", root.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.True(TimeSpan.TryParse(root.GetProperty("functionTimeout").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public void LocalSettingsExample_RunsTheCustomWorkerAgainstAzurite()
    {
        using var json = ReadJson("local.settings.json.example");
        var values = json.RootElement.GetProperty("Values");

        Assert.Equal("custom", values.GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
        Assert.Equal("UseDevelopmentStorage=true", values.GetProperty("AzureWebJobsStorage").GetString());
        Assert.All(values.EnumerateObject(), v => Assert.Equal(JsonValueKind.String, v.Value.ValueKind));
        // The signing key is left empty on purpose: the handler refuses to start until one is set.
        Assert.Equal(string.Empty, values.GetProperty("Digest__UnsubscribeSigningKey").GetString());
    }

    private static JsonElement Trigger(string function)
    {
        using var json = ReadJson("src", "Digest.Functions", "Functions", function, "function.json");
        return json.RootElement.GetProperty("bindings").EnumerateArray()
            .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal)).Clone();
    }

    private static JsonDocument ReadJson(params string[] parts) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine([RepositoryPaths.Root, .. parts])));
}
