using System.Net;
using Digest.Core.Delivery;
using Digest.Core.Storage;
using Digest.Functions.Tests.Support;
using Digest.Testing;

namespace Digest.Functions.Tests.Functions;

public sealed class UnsubscribeFunctionTests : IDisposable
{
    private const string Email = "reader@example.org";
    private static readonly DateTimeOffset Subscribed = new(2025, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();
    private readonly FileSystemBlobStore _store;
    private readonly SubscriberDirectory _directory;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 9, 2, 8, 30, 0, TimeSpan.Zero));
    private readonly UnsubscribeToken _tokens = new(HandlerFactory.SigningKey);

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
        using var factory = new HandlerFactory(_store, _time);
        var token = _tokens.Create("daily", Key);

        var response = await factory.CreateClient().SendAsync(Payloads.ForwardedRequest("http-unsubscribe-get.json", token));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSafeHeaders(response);
        Assert.Contains("<form method=\"post\" action=\"?token=" + token + "\">", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">", html, StringComparison.Ordinal);
        var subscriber = await _directory.GetAsync(Key);
        Assert.Equal(SubscriberStatus.Active, subscriber!.Status);
        Assert.Equal(Subscribed, subscriber.UpdatedAt);
    }

    [Fact]
    public async Task Post_OneClick_UnsubscribesWithoutCookieOrRedirect()
    {
        await SubscribeAsync();
        using var factory = new HandlerFactory(_store, _time);

        var response = await factory.CreateClient().SendAsync(Payloads.ForwardedRequest("http-unsubscribe-post.json", _tokens.Create("daily", Key)));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSafeHeaders(response);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Null(response.Headers.Location);
        Assert.Contains("You will no longer receive Harbour Town Daily.", html, StringComparison.Ordinal);
        var subscriber = await _directory.GetAsync(Key);
        Assert.Equal(SubscriberStatus.Unsubscribed, subscriber!.Status);
        Assert.Equal(_time.GetUtcNow(), subscriber.UpdatedAt);
        Assert.Equal(Email, subscriber.Email);
    }

    [Fact]
    public async Task Post_FromThePageButtonAsMultipart_Unsubscribes()
    {
        await SubscribeAsync();
        using var factory = new HandlerFactory(_store, _time);
        using var form = new MultipartFormDataContent { { new StringContent("One-Click"), "List-Unsubscribe" } };

        var response = await factory.CreateClient().PostAsync("/api/unsubscribe?token=" + _tokens.Create("daily", Key), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await _directory.GetAsync(Key))!.Status);
    }

    [Fact]
    public async Task Post_TokenInFormInsteadOfQuery_Unsubscribes()
    {
        await SubscribeAsync();
        using var factory = new HandlerFactory(_store, _time);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click", ["token"] = _tokens.Create("daily", Key) });

        var response = await factory.CreateClient().PostAsync("/api/unsubscribe", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await _directory.GetAsync(Key))!.Status);
    }

    [Fact]
    public async Task Post_AlreadyUnsubscribed_Returns200AndKeepsTheFirstDate()
    {
        await SubscribeAsync(SubscriberStatus.Unsubscribed);
        using var factory = new HandlerFactory(_store, _time);

        var response = await factory.CreateClient().SendAsync(Payloads.ForwardedRequest("http-unsubscribe-post.json", _tokens.Create("daily", Key)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Subscribed, (await _directory.GetAsync(Key))!.UpdatedAt);
    }

    [Fact]
    public async Task Post_UnknownSubscriberWithValidToken_AnswersExactlyLikeAKnownOne()
    {
        await SubscribeAsync();
        using var factory = new HandlerFactory(_store, _time);
        var client = factory.CreateClient();

        var unknown = await client.SendAsync(Payloads.ForwardedRequest("http-unsubscribe-post.json", _tokens.Create("daily", SubscriberKey.For("nobody@example.org"))));
        var known = await client.SendAsync(Payloads.ForwardedRequest("http-unsubscribe-post.json", _tokens.Create("daily", Key)));

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Null(await _directory.GetAsync(SubscriberKey.For("nobody@example.org")));
    }

    public static TheoryData<string, string> BadTokens()
    {
        var tokens = new UnsubscribeToken(HandlerFactory.SigningKey);
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
        };
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Request_ForgedOrAlteredToken_Returns400GenericAndChangesNothing(string method, string token)
    {
        await SubscribeAsync();
        using var factory = new HandlerFactory(_store, _time);
        var file = method == "GET" ? "http-unsubscribe-get.json" : "http-unsubscribe-post.json";

        var response = await factory.CreateClient().SendAsync(Payloads.ForwardedRequest(file, token));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertSafeHeaders(response);
        Assert.Contains("This unsubscribe link is not valid.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("example.org", html, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Active, (await _directory.GetAsync(Key))!.Status);
    }

    [Theory]
    [InlineData("List-Unsubscribe=Two-Click")]
    [InlineData("unsubscribe=yes")]
    [InlineData("")]
    public async Task Post_WithoutOneClickBody_Returns400AndChangesNothing(string body)
    {
        await SubscribeAsync();
        using var factory = new HandlerFactory(_store, _time);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await factory.CreateClient().PostAsync("/api/unsubscribe?token=" + _tokens.Create("daily", Key), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(SubscriberStatus.Active, (await _directory.GetAsync(Key))!.Status);
    }

    [Fact]
    public async Task Get_TitleWithMarkup_IsEscaped()
    {
        using var factory = new HandlerFactory(_store, _time, settings: new Dictionary<string, string> { ["Digest:Title"] = "<script>alert(1)</script> & News" });

        var html = await (await factory.CreateClient().GetAsync("/api/unsubscribe?token=" + _tokens.Create("daily", Key))).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; News", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_NotAllowed_Returns405()
    {
        using var factory = new HandlerFactory(_store, _time);

        var response = await factory.CreateClient().PutAsync("/api/unsubscribe?token=" + _tokens.Create("daily", Key), new StringContent(string.Empty));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static void AssertSafeHeaders(HttpResponseMessage response)
    {
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'", string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
    }

    private Task SubscribeAsync(SubscriberStatus status = SubscriberStatus.Active) =>
        _directory.PutAsync(new Subscriber(Email, "Reader", status, Subscribed, Subscribed, []));
}
