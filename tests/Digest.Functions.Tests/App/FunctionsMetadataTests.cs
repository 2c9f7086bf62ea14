using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using Digest.Core.Storage;
using Digest.Functions.Functions.ParseArticle;
using Digest.Functions.Tests.Support;

namespace Digest.Functions.Tests.App;

/// <summary>
/// functions.metadata is what the Functions host reads to index the app; Worker.Sdk generates it from the [Function]
/// attributes when Digest.Functions builds. Building this test project builds the app (project reference), so the
/// file checked here is the one next to the very Digest.Functions.dll these tests load (same module version id).
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Lazy<JsonElement[]> Functions = new(Load);

    [Fact]
    public void Metadata_ListsExactlyTheEightFunctions()
    {
        Assert.Equal(["Archive", "BuildDigest", "ParseArticle", "SendDigest", "SendGridEvents", "Subscribe", "SubscribeConfirm", "Unsubscribe"], Functions.Value.Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.All(Functions.Value, f => Assert.Equal("dotnet-isolated", f.GetProperty("language").GetString()));
        Assert.All(Functions.Value, f => Assert.Equal("Digest.Functions.dll", f.GetProperty("scriptFile").GetString()));
    }

    [Fact]
    public void ParseArticle_IsAnEventGridBlobTriggerOnArticles()
    {
        var trigger = Trigger("ParseArticle");

        Assert.Equal("blobTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(Containers.Articles + "/{name}", trigger.GetProperty("path").GetString());
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
        // An SDK type (BlobClient) bound through deferred binding, not the content as bytes.
        Assert.Equal("True", trigger.GetProperty("properties").GetProperty("supportsDeferredBinding").GetString());
    }

    [Fact]
    public void BuildDigest_IsATimerOnTheDigestScheduleSettingWithRetries()
    {
        var trigger = Trigger("BuildDigest");
        var retry = Function("BuildDigest").GetProperty("retry");

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%DigestSchedule%", trigger.GetProperty("schedule").GetString());
        Assert.Equal("exponentialBackoff", retry.GetProperty("strategy").GetString());
        Assert.Equal(4, retry.GetProperty("maxRetryCount").GetInt32());
    }

    [Fact]
    public void SendDigest_IsAQueueTriggerOnSendBatches()
    {
        var trigger = Trigger("SendDigest");

        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(Containers.SendBatchesQueue, trigger.GetProperty("queueName").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void Unsubscribe_IsAnAnonymousGetPostHttpTriggerOnUnsubscribe()
    {
        var bindings = Function("Unsubscribe").GetProperty("bindings").EnumerateArray().ToArray();
        var trigger = Trigger("Unsubscribe");

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("api/unsubscribe", trigger.GetProperty("route").GetString());
        Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString()!.ToLowerInvariant());
        Assert.Equal(["get", "post"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains(bindings, b => b.GetProperty("type").GetString() == "http" && b.GetProperty("direction").GetString() == "Out");
    }

    [Theory]
    [InlineData("Subscribe", "api/subscribe", new[] { "get", "post" })]
    [InlineData("SubscribeConfirm", "api/subscribe/confirm", new[] { "get", "post" })]
    [InlineData("SendGridEvents", "api/sendgrid/events", new[] { "post" })]
    public void SubscriberFunctions_AreAnonymousHttpTriggersOnTheirRoutes(string name, string route, string[] methods)
    {
        var trigger = Trigger(name);

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        // SendGridEvents is anonymous at the host: SendGrid's signature is checked by the function itself.
        Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString()!.ToLowerInvariant());
        Assert.Equal(methods, trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void Archive_IsAnAnonymousGetHeadHttpTriggerOnTheDigestsPaths()
    {
        var bindings = Function("Archive").GetProperty("bindings").EnumerateArray().ToArray();
        var trigger = Trigger("Archive");

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("digests/{*path}", trigger.GetProperty("route").GetString());
        Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString()!.ToLowerInvariant());
        Assert.Equal(["get", "head"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains(bindings, b => b.GetProperty("type").GetString() == "http" && b.GetProperty("direction").GetString() == "Out");
    }

    private static JsonElement Function(string name) => Functions.Value.Single(f => f.GetProperty("name").GetString() == name);

    private static JsonElement Trigger(string name) =>
        Function(name).GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    private static JsonElement[] Load()
    {
        var appOutput = RepositoryPaths.FunctionsAppOutput;
        var metadata = Path.Combine(appOutput, "functions.metadata");
        Assert.True(File.Exists(metadata), "no functions.metadata in " + appOutput + ": Worker.Sdk did not generate it");
        Assert.Equal(ModuleVersionId(typeof(ParseArticleFunction).Assembly.Location), ModuleVersionId(Path.Combine(appOutput, "Digest.Functions.dll")));
        Assert.True(File.Exists(Path.Combine(appOutput, "host.json")), "host.json is not copied to the app output");

        using var json = JsonDocument.Parse(File.ReadAllText(metadata));
        return [.. json.RootElement.EnumerateArray().Select(f => f.Clone())];
    }

    private static Guid ModuleVersionId(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var reader = new PEReader(stream);
        var metadata = reader.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }
}
