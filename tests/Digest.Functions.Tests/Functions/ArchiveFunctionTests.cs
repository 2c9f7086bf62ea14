using Digest.Core.Storage;
using Digest.Functions.Functions.Archive;
using Digest.Functions.Http;
using Digest.Functions.Tests.Support;
using Digest.Testing;

namespace Digest.Functions.Tests.Functions;

/// <summary>Issue 23: the web archive at the URLs the emails carry, and nothing else of the store.</summary>
public sealed class ArchiveFunctionTests : IDisposable
{
    private static readonly DateOnly Today = new(2025, 9, 2);
    private static readonly DateOnly Yesterday = Today.AddDays(-1);
    private readonly TempDirectory _temp = new();
    private readonly FileSystemBlobStore _store;
    private readonly FunctionsHost _host;

    public ArchiveFunctionTests()
    {
        _store = new FileSystemBlobStore(_temp.Path);
        _host = new FunctionsHost(_store, new FakeTimeProvider(new DateTimeOffset(2025, 9, 2, 8, 30, 0, TimeSpan.Zero)));
    }

    public void Dispose()
    {
        _host.Dispose();
        _temp.Dispose();
    }

    [Theory]
    [InlineData("/digests/index.html", "<p>index</p>", ArchiveFunction.ShortCache)]
    [InlineData("/digests/2025-09-02/index.html", "<p>today</p>", ArchiveFunction.ShortCache)]
    [InlineData("/digests/2025-09-01/index.html", "<p>yesterday</p>", ArchiveFunction.LongCache)]
    public async Task Get_ArchivePage_ServesItWithValidatorsCacheAndSecurityHeaders(string path, string body, string cache)
    {
        await WriteArchiveAsync();

        var response = await SendAsync("GET", path);

        Assert.Equal(200, response.Status);
        Assert.Equal(body, response.Body);
        Assert.Equal("text/html; charset=utf-8", response.ContentType);
        Assert.Equal(cache, response.Headers.CacheControl.ToString());
        Assert.StartsWith("\"", response.Headers.ETag.ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(response.Headers.LastModified.ToString()));
        AssertSecurityHeaders(response, SecurityHeaders.ArchivePolicy);
    }

    [Fact]
    public async Task Get_RepeatedWithIfNoneMatch_304WithoutBody()
    {
        await WriteArchiveAsync();
        var first = await SendAsync("GET", "/digests/2025-09-01/index.html");

        var again = await SendAsync("GET", "/digests/2025-09-01/index.html", ("If-None-Match", first.Headers.ETag.ToString()));
        var other = await SendAsync("GET", "/digests/2025-09-01/index.html", ("If-None-Match", "\"something-else\""));
        var since = await SendAsync("GET", "/digests/2025-09-01/index.html", ("If-Modified-Since", first.Headers.LastModified.ToString()));

        Assert.Equal(304, again.Status);
        Assert.Equal(string.Empty, again.Body);
        Assert.Equal(first.Headers.ETag.ToString(), again.Headers.ETag.ToString());
        AssertSecurityHeaders(again, SecurityHeaders.ArchivePolicy);
        Assert.Equal(200, other.Status);
        Assert.Equal(304, since.Status);
    }

    [Fact]
    public async Task Head_ArchivePage_HeadersWithoutBody()
    {
        await WriteArchiveAsync();

        var response = await SendAsync("HEAD", "/digests/index.html");

        Assert.Equal(200, response.Status);
        Assert.Equal(string.Empty, response.Body);
        Assert.Equal("<p>index</p>".Length, response.Headers.ContentLength);
        Assert.False(string.IsNullOrEmpty(response.Headers.ETag.ToString()));
    }

    /// <summary>Other blobs of the digests container (subscriber-facing data, ledgers), other containers, traversal in any spelling, near misses.</summary>
    [Theory]
    [InlineData("/digests/2025-09-01/digest.json")]
    [InlineData("/digests/2025-09-01/digest.html")]
    [InlineData("/digests/2025-09-01/send-plan.json")]
    [InlineData("/digests/2025-09-01/deliveries/0.json")]
    [InlineData("/digests/../subscribers/x.json")]
    [InlineData("/digests/%2e%2e/subscribers/x.json")]
    [InlineData("/digests/..%2fsubscribers%2fx.json")]
    [InlineData("/digests/2025-09-01/../../subscribers/x.json")]
    [InlineData("/digests/index.html\n")]
    [InlineData("/digests/index.html%0a")]
    [InlineData("/digests/ 2025-09-01/index.html")]
    [InlineData("/digests/2025-9-1/index.html")]
    [InlineData("/digests/2025-02-30/index.html")]
    [InlineData("/digests/2025-09-03/index.html")]
    [InlineData("/digests/")]
    [InlineData("/subscribers/x.json")]
    [InlineData("/api/digests/index.html")]
    public async Task Get_NotAnArchivePage_FriendlyNotFound(string path)
    {
        await WriteArchiveAsync();
        await _store.PutAsync(Containers.Subscribers, "x.json", BinaryData.FromString("{\"email\":\"reader@example.org\"}"));
        await _store.PutAsync(Containers.Digests, "2025-09-01/send-plan.json", BinaryData.FromString("{}"));
        await _store.PutAsync(Containers.Digests, "2025-09-01/deliveries/0.json", BinaryData.FromString("{}"));

        var response = await SendAsync("GET", path);

        Assert.Equal(404, response.Status);
        Assert.Contains("Page not found", response.Body, StringComparison.Ordinal);
        Assert.Contains("href=\"/digests/index.html\"", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("reader@", response.Body, StringComparison.Ordinal);
        AssertSecurityHeaders(response, SecurityHeaders.PagePolicy);
    }

    private async Task WriteArchiveAsync()
    {
        var html = new BlobWriteOptions { ContentType = "text/html; charset=utf-8" };
        await _store.PutAsync(Containers.Digests, Containers.ArchiveIndex, BinaryData.FromString("<p>index</p>"), html);
        await _store.PutAsync(Containers.Digests, Containers.DigestPage(Today), BinaryData.FromString("<p>today</p>"), html);
        await _store.PutAsync(Containers.Digests, Containers.DigestPage(Yesterday), BinaryData.FromString("<p>yesterday</p>"), html);
        await _store.PutAsync(Containers.Digests, Containers.DigestHtml(Yesterday), BinaryData.FromString("<p>yesterday</p>"), html);
        await _store.PutAsync(Containers.Digests, Containers.DigestJson(Yesterday), BinaryData.FromString("{}"));
    }

    private async Task<HttpExchange.Response> SendAsync(string method, string path, params (string Name, string Value)[] headers)
    {
        var request = await HttpExchange.RequestAsync(method, "/");
        request.Path = Uri.UnescapeDataString(path.Replace("%2f", "%252f", StringComparison.OrdinalIgnoreCase)); // as Kestrel decodes a path: all but %2F
        foreach (var (name, value) in headers)
        {
            request.Headers[name] = value;
        }

        var result = await _host.Create<ArchiveFunction>().RunAsync(request, CancellationToken.None);
        return await HttpExchange.ExecuteAsync(result, request);
    }

    private static void AssertSecurityHeaders(HttpExchange.Response response, string policy)
    {
        Assert.Equal(policy, response.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());
        Assert.Equal("DENY", response.Headers.XFrameOptions.ToString());
        Assert.Equal("no-referrer", response.Headers["Referrer-Policy"].ToString());
    }
}
