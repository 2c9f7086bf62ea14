using Digest.Core.Delivery;
using Digest.Core.Storage;
using Digest.Functions.Functions.Unsubscribe;
using Digest.Functions.Tests.Support;
using Digest.Testing;
using Moq;

namespace Digest.Functions.Tests.Functions;

public sealed class UnsubscribeFunctionTests : IDisposable
{
    private const string Email = "reader@example.org";
    private static readonly DateTimeOffset Subscribed = new(2025, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();
    private readonly FileSystemBlobStore _store;
    private readonly SubscriberDirectory _directory;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 9, 2, 8, 30, 0, TimeSpan.Zero));
    private readonly UnsubscribeToken _tokens = new(FunctionsHost.SigningKey);

    public UnsubscribeFunctionTests()
    {
        _store = new FileSystemBlobStore(_temp.Path);
        _directory = new SubscriberDirectory(_store);
    }

    private static string Key => SubscriberKey.For(Email);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Get_ValidToken_ShowsConfirmationAndChangesNothing()
    {
        await SubscribeAsync();
        var token = _tokens.Create("daily", Key);

        var response = await SendAsync("GET", "/api/unsubscribe?token=" + Uri.EscapeDataString(token));

        Assert.Equal(200, response.Status);
        AssertSafeHeaders(response);
        Assert.Contains("<form method=\"post\" action=\"?token=" + token + "\">", response.Body, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">", response.Body, StringComparison.Ordinal);
        var subscriber = await _directory.GetAsync(Key);
        Assert.Equal(SubscriberStatus.Active, subscriber!.Status);
        Assert.Equal(Subscribed, subscriber.UpdatedAt);
    }

    [Fact]
    public async Task Get_AfterUnsubscribing_SaysAlreadyUnsubscribedInsteadOfAskingAgain()
    {
        await SubscribeAsync();
        var token = _tokens.Create("daily", Key);
        await OneClickAsync(token);

        var response = await SendAsync("GET", "/api/unsubscribe?token=" + Uri.EscapeDataString(token));

        Assert.Equal(200, response.Status);
        AssertSafeHeaders(response);
        Assert.Contains("You are already unsubscribed", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Unsubscribe?", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OneClick_UnsubscribesWithoutCookieOrRedirect()
    {
        await SubscribeAsync();

        var response = await OneClickAsync(_tokens.Create("daily", Key));

        Assert.Equal(200, response.Status);
        AssertSafeHeaders(response);
        Assert.False(response.Headers.ContainsKey("Set-Cookie"));
        Assert.False(response.Headers.ContainsKey("Location"));
        Assert.Contains("You will no longer receive Harbour Town Daily.", response.Body, StringComparison.Ordinal);
        var subscriber = await _directory.GetAsync(Key);
        Assert.Equal(SubscriberStatus.Unsubscribed, subscriber!.Status);
        Assert.Equal(_time.GetUtcNow(), subscriber.UpdatedAt);
        Assert.Equal(Email, subscriber.Email);
    }

    [Fact]
    public async Task Post_FromThePageButtonAsMultipart_Unsubscribes()
    {
        await SubscribeAsync();
        using var form = new MultipartFormDataContent { { new StringContent("One-Click"), "List-Unsubscribe" } };

        var response = await SendAsync("POST", "/api/unsubscribe?token=" + _tokens.Create("daily", Key), form);

        Assert.Equal(200, response.Status);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await _directory.GetAsync(Key))!.Status);
    }

    [Fact]
    public async Task Post_TokenInFormInsteadOfQuery_Unsubscribes()
    {
        await SubscribeAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click", ["token"] = _tokens.Create("daily", Key) });

        var response = await SendAsync("POST", "/api/unsubscribe", form);

        Assert.Equal(200, response.Status);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await _directory.GetAsync(Key))!.Status);
    }

    [Fact]
    public async Task Post_AlreadyUnsubscribed_Returns200AndKeepsTheFirstDate()
    {
        await SubscribeAsync(SubscriberStatus.Unsubscribed);

        var response = await OneClickAsync(_tokens.Create("daily", Key));

        Assert.Equal(200, response.Status);
        Assert.Equal(Subscribed, (await _directory.GetAsync(Key))!.UpdatedAt);
    }

    [Theory]
    [InlineData(SubscriberStatus.Bounced)]
    [InlineData(SubscriberStatus.Complained)]
    public async Task Post_Suppressed_Returns200AndKeepsTheSuppression(SubscriberStatus status)
    {
        await SubscribeAsync(status);

        var response = await OneClickAsync(_tokens.Create("daily", Key));

        Assert.Equal(200, response.Status);
        Assert.Equal(status, (await _directory.GetAsync(Key))!.Status);
    }

    [Fact]
    public async Task Post_PendingSubscriber_Unsubscribes()
    {
        await SubscribeAsync(SubscriberStatus.Pending);

        await OneClickAsync(_tokens.Create("daily", Key));

        Assert.Equal(SubscriberStatus.Unsubscribed, (await _directory.GetAsync(Key))!.Status);
    }

    [Fact]
    public async Task Post_UnknownSubscriberWithValidToken_AnswersExactlyLikeAKnownOne()
    {
        await SubscribeAsync();

        var unknown = await OneClickAsync(_tokens.Create("daily", SubscriberKey.For("nobody@example.org")));
        var known = await OneClickAsync(_tokens.Create("daily", Key));

        Assert.Equal(200, unknown.Status);
        Assert.Equal(known.Body, unknown.Body);
        Assert.Null(await _directory.GetAsync(SubscriberKey.For("nobody@example.org")));
    }

    public static TheoryData<string, string> BadTokens()
    {
        var tokens = new UnsubscribeToken(FunctionsHost.SigningKey);
        var valid = tokens.Create("daily", SubscriberKey.For(Email));
        var parts = valid.Split('.');
        var otherKey = new UnsubscribeToken(Convert.ToBase64String(new byte[32]));
        return new TheoryData<string, string>
        {
            { "GET", string.Empty },
            { "POST", string.Empty },
            { "GET", "not-a-token" },
            { "POST", valid[..^1] + (valid[^1] == 'A' ? 'B' : 'A') },
            { "POST", $"{parts[0]}.{parts[1]}.{SubscriberKey.For("victim@example.org")}.{parts[3]}" },
            { "POST", $"{parts[0]}.weekly.{parts[2]}.{parts[3]}" },
            { "POST", otherKey.Create("daily", SubscriberKey.For(Email)) },
            { "GET", "v2." + valid[3..] },
            { "POST", valid + ".extra" },
            { "POST", valid[..(valid.Length / 2)] },
            { "POST", tokens.Create("weekly", SubscriberKey.For(Email)) },
            { "GET", tokens.Create("weekly", SubscriberKey.For(Email)) },
        };
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Request_ForgedOrAlteredToken_Returns400GenericAndChangesNothing(string method, string token)
    {
        await SubscribeAsync();

        var response = method == "GET"
            ? await SendAsync("GET", "/api/unsubscribe?token=" + Uri.EscapeDataString(token))
            : await OneClickAsync(token);

        Assert.Equal(400, response.Status);
        AssertSafeHeaders(response);
        Assert.Contains("This unsubscribe link is not valid.", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("example.org", response.Body, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Active, (await _directory.GetAsync(Key))!.Status);
    }

    [Theory]
    [InlineData("List-Unsubscribe=Two-Click")]
    [InlineData("unsubscribe=yes")]
    [InlineData("")]
    public async Task Post_WithoutOneClickBody_Returns400AndChangesNothing(string body)
    {
        await SubscribeAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await SendAsync("POST", "/api/unsubscribe?token=" + _tokens.Create("daily", Key), content);

        Assert.Equal(400, response.Status);
        Assert.Equal(SubscriberStatus.Active, (await _directory.GetAsync(Key))!.Status);
    }

    [Fact]
    public async Task Get_TitleWithMarkup_IsEscaped()
    {
        var response = await SendAsync("GET", "/api/unsubscribe?token=" + _tokens.Create("daily", Key), settings: new Dictionary<string, string> { ["Digest:Title"] = "<script>alert(1)</script> & News" });

        Assert.DoesNotContain("<script>", response.Body, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; News", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_StoreFails_Returns500PageSoTheProviderRetries()
    {
        var failing = new Mock<IBlobStore>();
        failing.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("storage account unreachable"));
        using var host = new FunctionsHost(failing.Object, _time);
        using var form = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        var request = await HttpExchange.RequestAsync("POST", "/api/unsubscribe?token=" + _tokens.Create("daily", Key), form);

        var response = await HttpExchange.ExecuteAsync(await host.Create<UnsubscribeFunction>().RunAsync(request, CancellationToken.None), request);

        Assert.Equal(500, response.Status);
        Assert.Contains("Please try again later.", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("storage account", response.Body, StringComparison.Ordinal);
    }

    private static void AssertSafeHeaders(HttpExchange.Response response)
    {
        Assert.Equal("text/html; charset=utf-8", response.ContentType);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'", response.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
        Assert.Equal("no-referrer", response.Headers["Referrer-Policy"].ToString());
        Assert.Equal("DENY", response.Headers.XFrameOptions.ToString());
    }

    [Fact]
    public async Task Flood_OfBadTokens_DoesNotTouchStorage_AndGoodRequestsSucceed()
    {
        const int Good = 50;
        const int Bad = 2000;
        var counting = new CountingStore(_store);
        var directory = new SubscriberDirectory(_store);
        var keys = new List<string>();
        for (var i = 0; i < Good; i++)
        {
            var subscriber = new Subscriber($"reader{i}@example.org", null, SubscriberStatus.Active, Subscribed, Subscribed, []);
            await directory.PutAsync(subscriber);
            keys.Add(subscriber.Key);
        }

        var valid = _tokens.Create("daily", keys[0]);
        var forger = new UnsubscribeToken(Convert.ToBase64String(new byte[32]));
        using var host = new FunctionsHost(counting, _time);
        async Task<HttpExchange.Response> OneClick(string token)
        {
            using var form = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
            var request = await HttpExchange.RequestAsync("POST", "/api/unsubscribe?token=" + Uri.EscapeDataString(token), form);
            return await HttpExchange.ExecuteAsync(await host.Create<UnsubscribeFunction>().RunAsync(request, CancellationToken.None), request);
        }

        var bad = Enumerable.Range(0, Bad).Select(i => Task.Run(() => OneClick((i % 4) switch
        {
            0 => forger.Create("daily", keys[i % Good]),
            1 => valid[..^2] + "xy",
            2 => _tokens.Create("weekly", keys[i % Good]),
            _ => "v1." + new string('a', 400),
        }))).ToArray();
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var good = keys.Select(k => Task.Run(() => OneClick(_tokens.Create("daily", k)))).ToArray();
        var goodResponses = await Task.WhenAll(good);
        var goodElapsed = stopwatch.Elapsed;
        var badResponses = await Task.WhenAll(bad);

        Assert.All(goodResponses, r => Assert.Equal(200, r.Status));
        Assert.All(badResponses, r => Assert.Equal(400, r.Status));
        Assert.True(goodElapsed < TimeSpan.FromSeconds(30), $"good requests took {goodElapsed}");
        foreach (var key in keys)
        {
            Assert.Equal(SubscriberStatus.Unsubscribed, (await directory.GetAsync(key))!.Status);
        }

        // Only the good requests reached storage: one read and one write each.
        Assert.Equal(Good, counting.Reads);
        Assert.Equal(Good, counting.Writes);
    }

    private sealed class CountingStore(IBlobStore inner) : IBlobStore
    {
        private int _reads;
        private int _writes;

        public int Reads => _reads;

        public int Writes => _writes;

        public Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            return inner.GetAsync(container, name, cancellationToken);
        }

        public Task<BlobProperties?> GetPropertiesAsync(string container, string name, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            return inner.GetPropertiesAsync(container, name, cancellationToken);
        }

        public Task<BlobWriteResult> PutAsync(string container, string name, BinaryData content, BlobWriteOptions? options = null, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _writes);
            return inner.PutAsync(container, name, content, options, cancellationToken);
        }

        public Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _writes);
            return inner.DeleteAsync(container, name, cancellationToken);
        }

        public IAsyncEnumerable<BlobProperties> ListAsync(string container, string? prefix = null, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            return inner.ListAsync(container, prefix, cancellationToken);
        }
    }

    /// <summary>What a mail client sends from List-Unsubscribe-Post (RFC 8058): POST to the link, one-click body.</summary>
    private async Task<HttpExchange.Response> OneClickAsync(string token)
    {
        using var form = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        return await SendAsync("POST", "/api/unsubscribe?token=" + Uri.EscapeDataString(token), form);
    }

    private async Task<HttpExchange.Response> SendAsync(string method, string pathAndQuery, HttpContent? content = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        using var host = new FunctionsHost(_store, _time, settings: settings);
        var request = await HttpExchange.RequestAsync(method, pathAndQuery, content);
        var result = await host.Create<UnsubscribeFunction>().RunAsync(request, CancellationToken.None);
        return await HttpExchange.ExecuteAsync(result, request);
    }

    private Task SubscribeAsync(SubscriberStatus status = SubscriberStatus.Active) =>
        _directory.PutAsync(new Subscriber(Email, "Reader", status, Subscribed, Subscribed, []));
}
