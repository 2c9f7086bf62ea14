using System.Text.RegularExpressions;
using System.Text;
using Azure.Storage.Blobs;
using Digest.Core.Storage;
using Digest.Functions.Functions.ParseArticle;
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

    /// <summary>The trigger binds a BlobClient for the uploaded blob (Azure, and Azurite's path-style URLs).</summary>
    public static TheoryData<string> BlobUris() => new()
    {
        "https://stdigest.blob.core.windows.net/articles/" + BlobName,
        "http://127.0.0.1:10000/devstoreaccount1/articles/" + BlobName,
    };

    [Theory]
    [MemberData(nameof(BlobUris))]
    public async Task Run_ArticleUploaded_WritesParsedArticle(string uri)
    {
        await PutArticleAsync("Harbour ferry timetable changes from Monday\nThe harbour ferry will run every 20 minutes on weekdays.\n");
        using var host = new FunctionsHost(_store, _time);

        await host.Create<ParseArticleFunction>().RunAsync(new BlobClient(new Uri(uri)), CancellationToken.None);

        var name = Assert.Single(await ListAsync(Containers.Parsed));
        Assert.StartsWith("2025-09-02/", name, StringComparison.Ordinal);
        Assert.Empty(await ListAsync(Containers.Quarantine));
        Assert.Matches("ParseArticle " + Regex.Escape(BlobName) + @": Parsed as article \S+", host.Logs.All);
        Assert.DoesNotContain("(null)", host.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnparseableArticle_CompletesAndQuarantinesIt()
    {
        await PutArticleAsync("   \n\t  \n");
        using var host = new FunctionsHost(_store, _time);

        // Bad input is handled (not retried): no exception, the reason logged and the original kept in quarantine.
        await host.Create<ParseArticleFunction>().RunAsync(Blob(), CancellationToken.None);

        Assert.Contains(BlobName, await ListAsync(Containers.Quarantine));
        Assert.Contains(Containers.QuarantineReason(BlobName), await ListAsync(Containers.Quarantine));
        Assert.Empty(await ListAsync(Containers.Parsed));
        Assert.Contains("ParseArticle " + BlobName + ": Quarantined: ", host.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("(null)", host.Logs.All, StringComparison.Ordinal); // no empty article id or reason printed
    }

    [Fact]
    public async Task Run_BlobDeletedBeforeTrigger_CompletesAndSaysSo()
    {
        using var host = new FunctionsHost(_store, _time);

        await host.Create<ParseArticleFunction>().RunAsync(Blob(), CancellationToken.None);

        Assert.Contains("ParseArticle " + BlobName + ": Missing", host.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("(null)", host.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StoreFails_ThrowsSoEventGridRedelivers()
    {
        var failing = new Mock<IBlobStore>(MockBehavior.Strict);
        failing.Setup(s => s.GetAsync(Containers.Articles, BlobName, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("storage account unreachable"));
        failing.Setup(s => s.GetPropertiesAsync(Containers.Articles, BlobName, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("storage account unreachable"));
        using var host = new FunctionsHost(failing.Object, _time);

        var error = await Assert.ThrowsAsync<IOException>(() => host.Create<ParseArticleFunction>().RunAsync(Blob(), CancellationToken.None));

        Assert.Equal("storage account unreachable", error.Message);
    }

    [Fact]
    public async Task Run_ParsedWriteFails_ThrowsAndWritesNothing()
    {
        await PutArticleAsync("Harbour ferry timetable changes from Monday\nBody.\n");
        var wrapped = new Mock<IBlobStore>();
        wrapped.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string c, string n, CancellationToken ct) => _store.GetAsync(c, n, ct));
        wrapped.Setup(s => s.GetPropertiesAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string c, string n, CancellationToken ct) => _store.GetPropertiesAsync(c, n, ct));
        wrapped.Setup(s => s.PutAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<BinaryData>(), It.IsAny<BlobWriteOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("503 Server Busy"));
        using var host = new FunctionsHost(wrapped.Object, _time);

        await Assert.ThrowsAsync<HttpRequestException>(() => host.Create<ParseArticleFunction>().RunAsync(Blob(), CancellationToken.None));

        Assert.Empty(await ListAsync(Containers.Parsed));
    }

    [Fact]
    public async Task Run_BlobOutsideTheArticlesContainer_IsLoggedAndLeftAlone()
    {
        await _store.PutAsync("other", "a.txt", BinaryData.FromString("Harbour ferry timetable changes\nBody.\n"));
        using var host = new FunctionsHost(_store, _time);

        await host.Create<ParseArticleFunction>().RunAsync(new BlobClient(new Uri("https://stdigest.blob.core.windows.net/other/a.txt")), CancellationToken.None);

        Assert.Empty(await ListAsync(Containers.Parsed));
        Assert.Empty(await ListAsync(Containers.Quarantine));
        Assert.Contains("ignored an event for other/a.txt", host.Logs.All, StringComparison.Ordinal);
    }

    private static BlobClient Blob() => new(new Uri("https://stdigest.blob.core.windows.net/articles/" + BlobName));

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
