using System.Text.RegularExpressions;
using Digest.Core.Delivery;
using Digest.Core.Delivery.Subscribing;
using Digest.Core.Storage;
using Digest.Functions.Functions.Subscribe;
using Digest.Functions.Tests.Support;
using Digest.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;

namespace Digest.Functions.Tests.Functions;

/// <summary>
/// Issue 20, double opt-in through the real function and <see cref="SubscribeJob"/> on the file-system store, with a
/// fake clock (expiry, the per-address interval) and a recording provider. The Azurite + maildev flow through
/// `digest dev` is SubscribeFlowTests (Digest.Cli.Tests).
/// </summary>
public sealed partial class SubscribeFunctionTests : IDisposable
{
    private const string Email = "new.reader@example.org";
    private readonly TempDirectory _temp = new();
    private readonly FileSystemBlobStore _store;
    private readonly SubscriberDirectory _directory;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 9, 2, 8, 30, 0, TimeSpan.Zero));
    private readonly RecordingEmailSender _sender = new();
    private readonly FunctionsHost _host;

    public SubscribeFunctionTests()
    {
        _store = new FileSystemBlobStore(_temp.Path);
        _directory = new SubscriberDirectory(_store);
        _host = new FunctionsHost(_store, _time, services => services.RemoveAll<IEmailSender>().AddSingleton<IEmailSender>(_sender), new Dictionary<string, string> { ["Digest:PublicBaseUrl"] = "https://digest.example.com" });
    }

    public void Dispose()
    {
        _host.Dispose();
        _temp.Dispose();
    }

    private static string Key => SubscriberKey.For(Email);

    [Fact]
    public async Task Get_ShowsTheForm()
    {
        var response = await SendAsync("GET", "/api/subscribe");

        Assert.Equal(200, response.Status);
        Assert.Contains("<form method=\"post\" action=\"/api/subscribe\">", response.Body, StringComparison.Ordinal);
        Assert.Contains("name=\"email\"", response.Body, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.XFrameOptions.ToString());
    }

    [Fact]
    public async Task Post_NewAddress_StoresPendingAndSendsOneConfirmationWithASignedLink()
    {
        var response = await SubscribeAsync(Email, "New Reader");

        Assert.Equal(200, response.Status);
        Assert.Contains("Check your inbox", response.Body, StringComparison.Ordinal);
        var subscriber = (await _directory.GetAsync(Key))!;
        Assert.Equal(SubscriberStatus.Pending, subscriber.Status);
        Assert.Equal("New Reader", subscriber.Name);
        var (batch, recipient) = Assert.Single(_sender.Sent);
        Assert.Equal(Email, recipient.Email);
        Assert.Empty(recipient.Headers); // not a list message: no List-Unsubscribe
        Assert.Equal("Confirm your subscription to Harbour Town Daily", batch.Content.Subject);
        Assert.StartsWith("https://digest.example.com/api/subscribe/confirm?token=c1.", Link(0), StringComparison.Ordinal);
        Assert.Contains(Link(0), batch.Content.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SameAddressFiveTimes_OneConfirmationAndTheSameAnswer()
    {
        var answers = new List<HttpExchange.Response>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await SubscribeAsync(i % 2 == 0 ? Email : "  NEW.Reader@example.org "));
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Single(_sender.Sent);
        Assert.All(answers, a => Assert.Equal((answers[0].Status, answers[0].Body), (a.Status, a.Body)));
    }

    [Fact]
    public async Task Post_ConcurrentRequestsForOneAddress_OneConfirmation()
    {
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => SubscribeAsync(Email)));

        Assert.Single(_sender.Sent);
    }

    [Fact]
    public async Task Post_ExistingActiveAddress_AnswersExactlyLikeANewOneAndSendsNothing()
    {
        await _directory.PutAsync(new Subscriber("known@example.org", null, SubscriberStatus.Active, _time.GetUtcNow(), _time.GetUtcNow(), []));

        var known = await SubscribeAsync("known@example.org");
        var unknown = await SubscribeAsync(Email);

        Assert.Equal((unknown.Status, unknown.Body, unknown.ContentType), (known.Status, known.Body, known.ContentType));
        Assert.Equal([Email], _sender.Sent.Select(s => s.Recipient.Email));
        Assert.Equal(SubscriberStatus.Active, (await _directory.GetAsync(SubscriberKey.For("known@example.org")))!.Status);
    }

    [Fact]
    public async Task Post_AfterTheInterval_SendsANewLinkAndTheOldOneNoLongerWorks()
    {
        await SubscribeAsync(Email);
        _time.Advance(TimeSpan.FromMinutes(61));
        await SubscribeAsync(Email);

        Assert.Equal(2, _sender.Sent.Count);
        Assert.Equal(400, (await ConfirmAsync("POST", Link(0))).Status);
        Assert.Equal(200, (await ConfirmAsync("POST", Link(1))).Status);
        Assert.Equal(SubscriberStatus.Active, (await _directory.GetAsync(Key))!.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    [InlineData("reader@localhost")]
    [InlineData("reader@example.org\r\nBcc: victim@example.org")]
    public async Task Post_InvalidAddress_Returns400FormAndStoresNothing(string email)
    {
        var response = await SubscribeAsync(email);

        Assert.Equal(400, response.Status);
        Assert.Contains("<form method=\"post\"", response.Body, StringComparison.Ordinal);
        Assert.Empty(_sender.Sent);
        await foreach (var _ in _store.ListAsync(Containers.Subscribers))
        {
            Assert.Fail("a subscriber was stored");
        }
    }

    [Fact]
    public async Task Post_ManyAddressesFromOneClient_LimitedPerHour()
    {
        var answers = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            answers.Add((await SubscribeAsync($"stranger{i}@example.org", client: "203.0.113.7")).Status);
        }

        var other = await SubscribeAsync("someone@example.org", client: "198.51.100.2");
        _time.Advance(TimeSpan.FromHours(1));
        var nextHour = await SubscribeAsync("stranger11@example.org", client: "203.0.113.7");

        Assert.Equal(Enumerable.Repeat(200, 10).Concat([429, 429]), answers);
        Assert.Equal(200, other.Status);
        Assert.Equal(200, nextHour.Status);
        Assert.Equal(12, _sender.Sent.Count);
    }

    [Fact]
    public async Task Confirm_GetShowsAButtonAndChangesNothing_PostConfirms()
    {
        await SubscribeAsync(Email);

        var get = await ConfirmAsync("GET", Link(0));
        Assert.Equal(200, get.Status);
        Assert.Contains("<button type=\"submit\">Confirm</button>", get.Body, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Pending, (await _directory.GetAsync(Key))!.Status);

        var post = await ConfirmAsync("POST", Link(0));
        Assert.Equal(200, post.Status);
        Assert.Contains("You are subscribed", post.Body, StringComparison.Ordinal);
        var subscriber = (await _directory.GetAsync(Key))!;
        Assert.Equal(SubscriberStatus.Active, subscriber.Status);
        Assert.Null(subscriber.Confirmation);
        Assert.Equal(_time.GetUtcNow(), subscriber.UpdatedAt);
    }

    [Fact]
    public async Task Confirm_Expired_SaysSoAndChangesNothing()
    {
        await SubscribeAsync(Email);
        _time.Advance(TimeSpan.FromHours(48) + TimeSpan.FromSeconds(1));

        var get = await ConfirmAsync("GET", Link(0));
        var post = await ConfirmAsync("POST", Link(0));

        Assert.Equal((400, 400), (get.Status, post.Status));
        Assert.Contains("Link expired", post.Body, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Pending, (await _directory.GetAsync(Key))!.Status);
    }

    [Fact]
    public async Task Confirm_Replayed_AfterUnsubscribing_ChangesNothing()
    {
        await SubscribeAsync(Email);
        Assert.Equal(200, (await ConfirmAsync("POST", Link(0))).Status);
        var left = (await _directory.GetAsync(Key))! with { Status = SubscriberStatus.Unsubscribed };
        await _directory.PutAsync(left);

        var replay = await ConfirmAsync("POST", Link(0));

        Assert.Equal(400, replay.Status);
        Assert.Contains("already used", replay.Body, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await _directory.GetAsync(Key))!.Status);
    }

    public static TheoryData<string> Forged()
    {
        var tokens = new ConfirmationToken(FunctionsHost.SigningKey);
        var other = new ConfirmationToken(Convert.ToBase64String(new byte[32]));
        var unsubscribe = new UnsubscribeToken(FunctionsHost.SigningKey);
        var expires = new DateTimeOffset(2025, 9, 4, 0, 0, 0, TimeSpan.Zero);
        var valid = tokens.Create(Key, "nonce", expires);
        return
        [
            "",
            "c1.x",
            other.Create(Key, "nonce", expires),
            valid[..^2] + "AA",
            valid.Replace(expires.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), "99999999999", StringComparison.Ordinal),
            unsubscribe.Create("daily", Key),
            valid + ".x",
        ];
    }

    [Theory]
    [MemberData(nameof(Forged))]
    public async Task Confirm_ForgedOrAltered_SaysSoAndChangesNothing(string token)
    {
        await SubscribeAsync(Email);

        var response = await ConfirmAsync("POST", "https://digest.example.com/api/subscribe/confirm?token=" + Uri.EscapeDataString(token));

        Assert.Equal(400, response.Status);
        Assert.Contains("Link not valid", response.Body, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Pending, (await _directory.GetAsync(Key))!.Status);
    }

    [Theory]
    [InlineData(SubscriberStatus.Bounced)]
    [InlineData(SubscriberStatus.Complained)]
    [InlineData(SubscriberStatus.Unsubscribed)]
    public async Task Post_WithdrawnAddress_StaysWithdrawnUntilConfirmed(SubscriberStatus status)
    {
        await _directory.PutAsync(new Subscriber(Email, "Old Name", status, _time.GetUtcNow(), _time.GetUtcNow(), []));

        var response = await SubscribeAsync(Email, "Someone Else");

        Assert.Equal(200, response.Status);
        Assert.Single(_sender.Sent);
        Assert.Equal(status, (await _directory.GetAsync(Key))!.Status);
        Assert.Equal(200, (await ConfirmAsync("POST", Link(0))).Status);
        var confirmed = (await _directory.GetAsync(Key))!;
        Assert.Equal(SubscriberStatus.Active, confirmed.Status);
        Assert.Equal("Old Name", confirmed.Name); // a form cannot rename someone
    }

    [Fact]
    public async Task Post_ProviderFails_Answers503AndAskingAgainSendsAtOnce()
    {
        var failing = new Mock<IEmailSender>();
        failing.Setup(s => s.SendAsync(It.IsAny<EmailBatch>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("provider down"));
        using var host = new FunctionsHost(_store, _time, services => services.RemoveAll<IEmailSender>().AddSingleton(failing.Object));

        var failed = await SubscribeAsync(Email, host: host);
        var again = await SubscribeAsync(Email);

        Assert.Equal(503, failed.Status);
        Assert.DoesNotContain("provider down", failed.Body, StringComparison.Ordinal);
        Assert.Equal(200, again.Status);
        Assert.Single(_sender.Sent);
    }

    private string Link(int index) => LinkPattern().Match(_sender.Sent[index].Batch.Content.Text).Value;

    [GeneratedRegex(@"https://\S+/api/subscribe/confirm\?token=\S+")]
    private static partial Regex LinkPattern();

    private async Task<HttpExchange.Response> SubscribeAsync(string email, string? name = null, string client = "192.0.2.10", FunctionsHost? host = null)
    {
        var fields = new Dictionary<string, string> { ["email"] = email };
        if (name is not null)
        {
            fields["name"] = name;
        }

        using var form = new FormUrlEncodedContent(fields);
        var request = await HttpExchange.RequestAsync("POST", "/api/subscribe", form);
        request.HttpContext.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(client);
        return await HttpExchange.ExecuteAsync(await (host ?? _host).Create<SubscribeFunction>().RunAsync(request, CancellationToken.None), request);
    }

    private async Task<HttpExchange.Response> ConfirmAsync(string method, string link)
    {
        var request = await HttpExchange.RequestAsync(method, new Uri(link).PathAndQuery);
        return await HttpExchange.ExecuteAsync(await _host.Create<SubscribeFunction>().ConfirmAsync(request, CancellationToken.None), request);
    }

    private async Task<HttpExchange.Response> SendAsync(string method, string path)
    {
        var request = await HttpExchange.RequestAsync(method, path);
        return await HttpExchange.ExecuteAsync(await _host.Create<SubscribeFunction>().RunAsync(request, CancellationToken.None), request);
    }
}
