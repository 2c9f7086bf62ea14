using System.Net;
using System.Text;
using Digest.Core.Storage;
using Digest.Functions.Tests.Support;
using Digest.Testing;
using Moq;

namespace Digest.Functions.Tests.Functions;

public sealed class ParseArticleFunctionTests : IDisposable
{
    private const string BlobName = "2025/09/harbour-ferry.txt";
    private readonly TempDirectory _temp = new();
    private readonly FileSystemBlobStore _store;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 9, 2, 5, 58, 13, TimeSpan.Zero));

    public ParseArticleFunctionTests() => _store = new FileSystemBlobStore(_temp.Path);

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("blob-trigger.json")]
    [InlineData("blob-trigger-encoded-metadata.json")]
    [InlineData("blob-trigger-without-name.json")]
    public async Task Invoke_ArticleUploaded_Returns200AndWritesParsedArticle(string payload)
    {
        await PutArticleAsync("Harbour ferry timetable changes from Monday\nThe harbour ferry will run every 20 minutes on weekdays.\n");
        using var factory = new HandlerFactory(_store, _time);

        var answer = await Payloads.ReadAnswerAsync(await Payloads.InvokeAsync(factory.CreateClient(), "ParseArticle", payload));

        Assert.Equal(200, answer.Status);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, answer.ReturnValue.ValueKind);
        Assert.StartsWith("Parsed " + BlobName + " into parsed/2025-09-02/", answer.Logs[0], StringComparison.Ordinal);
        var parsed = await ListAsync(Containers.Parsed);
        var name = Assert.Single(parsed);
        Assert.StartsWith("2025-09-02/", name, StringComparison.Ordinal);
        Assert.Empty(await ListAsync(Containers.Quarantine));
    }

    [Fact]
    public async Task Invoke_UnparseableArticle_Returns200AndQuarantinesIt()
    {
        await PutArticleAsync("   \n\t  \n");
        using var factory = new HandlerFactory(_store, _time);

        var answer = await Payloads.ReadAnswerAsync(await Payloads.InvokeAsync(factory.CreateClient(), "ParseArticle", "blob-trigger.json"));

        // Bad input is handled (not retried): 200, with the reason in the logs and the original kept in quarantine.
        Assert.Equal(200, answer.Status);
        Assert.StartsWith("Quarantined " + BlobName, answer.Logs[0], StringComparison.Ordinal);
        Assert.Contains(BlobName, await ListAsync(Containers.Quarantine));
        Assert.Contains(Containers.QuarantineReason(BlobName), await ListAsync(Containers.Quarantine));
        Assert.Empty(await ListAsync(Containers.Parsed));
    }

    [Fact]
    public async Task Invoke_BlobDeletedBeforeTrigger_Returns200AndSaysSo()
    {
        using var factory = new HandlerFactory(_store, _time);

        var answer = await Payloads.ReadAnswerAsync(await Payloads.InvokeAsync(factory.CreateClient(), "ParseArticle", "blob-trigger.json"));

        Assert.Equal(200, answer.Status);
        Assert.Contains("no longer exists", answer.AllLogs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_StoreFails_Returns500SoTheHostRetries()
    {
        await PutArticleAsync("Harbour ferry timetable changes from Monday\nBody.\n");
        var failing = new Mock<IBlobStore>(MockBehavior.Strict);
        failing.Setup(s => s.GetAsync(Containers.Articles, BlobName, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("storage account unreachable"));
        failing.Setup(s => s.GetPropertiesAsync(Containers.Articles, BlobName, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("storage account unreachable"));
        using var factory = new HandlerFactory(failing.Object, _time);

        var answer = await Payloads.ReadAnswerAsync(await Payloads.InvokeAsync(factory.CreateClient(), "ParseArticle", "blob-trigger.json"));

        Assert.Equal(500, answer.Status);
        Assert.Contains("ParseArticle failed: IOException: storage account unreachable", answer.AllLogs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_ParsedWriteFails_Returns500AndWritesNothing()
    {
        await PutArticleAsync("Harbour ferry timetable changes from Monday\nBody.\n");
        var wrapped = new Mock<IBlobStore>();
        wrapped.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string c, string n, CancellationToken ct) => _store.GetAsync(c, n, ct));
        wrapped.Setup(s => s.GetPropertiesAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string c, string n, CancellationToken ct) => _store.GetPropertiesAsync(c, n, ct));
        wrapped.Setup(s => s.PutAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<BinaryData>(), It.IsAny<BlobWriteOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("503 Server Busy"));
        using var factory = new HandlerFactory(wrapped.Object, _time);

        var response = await Payloads.InvokeAsync(factory.CreateClient(), "ParseArticle", "blob-trigger.json");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await ListAsync(Containers.Parsed));
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"Data\": [], \"Metadata\": {}}")]
    [InlineData("{\"Data\": {}, \"Metadata\": {}}")]
    [InlineData("{\"Data\": {}, \"Metadata\": {\"name\": \"../secrets.txt\"}}")]
    [InlineData("{\"Data\": {}, \"Metadata\": {\"BlobTrigger\": \"other-container/a.txt\"}}")]
    public async Task Invoke_MalformedPayload_Returns400WithClearMessage(string body)
    {
        using var factory = new HandlerFactory(_store, _time);

        var answer = await Payloads.ReadAnswerAsync(await factory.CreateClient().PostAsync("/ParseArticle", Payloads.Json(body)));

        Assert.Equal(400, answer.Status);
        Assert.StartsWith("ParseArticle: malformed invocation payload: ", answer.Logs[0], StringComparison.Ordinal);
        Assert.Empty(await ListAsync(Containers.Parsed));
    }

    private Task PutArticleAsync(string text) =>
        _store.PutAsync(Containers.Articles, BlobName, BinaryData.FromBytes(Encoding.UTF8.GetBytes(text)), new BlobWriteOptions { ContentType = "text/plain; charset=utf-8" });

    private async Task<List<string>> ListAsync(string container)
    {
        var names = new List<string>();
        await foreach (var blob in _store.ListAsync(container))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
