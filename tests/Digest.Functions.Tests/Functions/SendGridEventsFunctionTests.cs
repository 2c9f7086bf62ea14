using System.Globalization;
using System.Text;
using Digest.Core.Accounting;
using Digest.Core.Delivery;
using Digest.Core.Storage;
using Digest.Functions.Functions.SendGridEvents;
using Digest.Functions.Tests.Support;
using Digest.Testing;
using Moq;

namespace Digest.Functions.Tests.Functions;

/// <summary>
/// Issue 20, acceptance 2: SendGrid's Signed Event Webhook through the real function and job, with payloads signed by a
/// P-256 key generated here (its public key in the setting) in the JSON SendGrid posts.
/// </summary>
public sealed class SendGridEventsFunctionTests : IDisposable
{
    private const string Bounce = "bounce.reader@example.org";
    private const string Spam = "spam.reader@example.org";
    private const string Leaver = "leaving.reader@example.org";
    private const string Stays = "staying.reader@example.org";
    private static readonly DateTimeOffset Subscribed = new(2025, 9, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();
    private readonly FileSystemBlobStore _store;
    private readonly SubscriberDirectory _directory;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 9, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly SendGridWebhookSigner _signer = new();
    private readonly FunctionsHost _host;

    public SendGridEventsFunctionTests()
    {
        _store = new FileSystemBlobStore(_temp.Path);
        _directory = new SubscriberDirectory(_store);
        _host = Host(_store);
    }

    public void Dispose()
    {
        _host.Dispose();
        _signer.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Post_BounceSpamReportUnsubscribeWithThreeDuplicatesEach_SuppressesEachOnceAndCountsOnce()
    {
        await SubscribeAsync(Bounce, Spam, Leaver, Stays);
        var at = _time.GetUtcNow().AddMinutes(-30);
        var events = new[]
        {
            Event(Bounce, "bounce", at, """ "type": "bounce", "reason": "550 5.1.1 The email account that you tried to reach does not exist.", "status": "5.1.1", """),
            Event(Spam, "spamreport", at.AddMinutes(1), ""),
            Event(Leaver, "unsubscribe", at.AddMinutes(2), ""),
            Event(Stays, "delivered", at, """ "response": "250 OK", """),
        };
        // SendGrid retries change sg_event_id; the duplicates are otherwise the same event. Three more copies of each,
        // one in the same batch and two in later batches.
        var first = await PostAsync("[" + string.Join(',', events.Select(e => e(0)).Concat(events.Select(e => e(1)))) + "]");
        var second = await PostAsync("[" + string.Join(',', events.Select(e => e(2))) + "]");
        var third = await PostAsync("[" + string.Join(',', events.Select(e => e(3))) + "]");

        Assert.Equal([200, 200, 200], new[] { first.Status, second.Status, third.Status });
        Assert.Equal(SubscriberStatus.Bounced, await StatusAsync(Bounce));
        Assert.Equal(SubscriberStatus.Complained, await StatusAsync(Spam));
        Assert.Equal(SubscriberStatus.Unsubscribed, await StatusAsync(Leaver));
        Assert.Equal(SubscriberStatus.Active, await StatusAsync(Stays));
        Assert.Equal(at, (await _directory.GetAsync(SubscriberKey.For(Bounce)))!.UpdatedAt);
        Assert.Equal(3, _host.Logs.Lines.Count(l => l.Message.Contains(" -> ", StringComparison.Ordinal)));
        Assert.Contains("SendGridEvents: 8 events, 4 recorded, 4 duplicates, 3 subscribers changed", _host.Logs.All, StringComparison.Ordinal);

        var status = await new DayAccounting(_store, TimeZoneInfo.Utc).ComputeAsync(DateOnly.FromDateTime(at.UtcDateTime));
        Assert.Equal((1, 1, 1, 1), (status.Deliverability.Bounced, status.Deliverability.Complaints, status.Deliverability.Unsubscribes, status.Deliverability.Delivered));
    }

    [Fact]
    public async Task Post_DuplicateAfterResubscribe_DoesNotSuppressAgain()
    {
        await SubscribeAsync(Bounce);
        var bounce = Event(Bounce, "bounce", _time.GetUtcNow().AddMinutes(-10), """ "type": "bounce", """);
        Assert.Equal(200, (await PostAsync("[" + bounce(0) + "]")).Status);
        var confirmed = (await _directory.GetAsync(SubscriberKey.For(Bounce)))! with { Status = SubscriberStatus.Active, UpdatedAt = _time.GetUtcNow() };
        await _directory.PutAsync(confirmed);

        Assert.Equal(200, (await PostAsync("[" + bounce(1) + "]")).Status);

        Assert.Equal(SubscriberStatus.Active, await StatusAsync(Bounce));
    }

    public static TheoryData<string, int> Refused() => new()
    {
        { "unsigned", 401 },
        { "no-timestamp", 401 },
        { "other-key", 403 },
        { "altered-body", 403 },
        { "ten-minutes-old", 403 },
        { "ten-minutes-ahead", 403 },
        { "garbage-signature", 403 },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Post_UnsignedBadlySignedOrStale_RefusedAndChangesNothing(string kind, int expected)
    {
        await SubscribeAsync(Bounce);
        var payload = "[" + Event(Bounce, "bounce", _time.GetUtcNow().AddMinutes(-1), """ "type": "bounce", """)(0) + "]";
        using var other = new SendGridWebhookSigner();
        var now = SendGridWebhookSigner.Timestamp(_time.GetUtcNow());
        var old = SendGridWebhookSigner.Timestamp(_time.GetUtcNow().AddMinutes(-10));
        var ahead = SendGridWebhookSigner.Timestamp(_time.GetUtcNow().AddMinutes(10));
        var (signature, timestamp, body) = kind switch
        {
            "unsigned" => (null, null, payload),
            "no-timestamp" => (_signer.Sign(now, payload), null, payload),
            "other-key" => (other.Sign(now, payload), now, payload),
            "altered-body" => (_signer.Sign(now, payload), now, payload.Replace("bounce.reader", "other.reader", StringComparison.Ordinal)),
            "ten-minutes-old" => (_signer.Sign(old, payload), old, payload),
            "ten-minutes-ahead" => (_signer.Sign(ahead, payload), ahead, payload),
            _ => ("bm90IGEgc2lnbmF0dXJl", now, payload),
        };

        var response = await SendAsync(body, signature, timestamp);

        Assert.Equal(expected, response.Status);
        Assert.Equal(SubscriberStatus.Active, await StatusAsync(Bounce));
        Assert.Empty(await EventRecordsAsync());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"email\":\"bounce.reader@example.org\",\"event\":\"bounce\",\"timestamp\":1756814000}")]
    [InlineData("[{\"email\":\"bounce.reader@example.org\",\"event\":\"bounce\",\"timestamp\":1756814000}, 42]")]
    [InlineData("[{\"email\":\"bounce.reader@example.org\",\"event\":\"bounce\",\"timestamp\":1756814000}, {\"event\":\"bounce\",\"timestamp\":1756814000}]")]
    [InlineData("[{\"email\":\"bounce.reader@example.org\",\"event\":\"bounce\",\"timestamp\":\"yesterday\"}]")]
    public async Task Post_MalformedSignedBody_Returns400AndChangesNothing(string body)
    {
        await SubscribeAsync(Bounce);

        var response = await PostAsync(body);

        Assert.Equal(400, response.Status);
        Assert.Equal(SubscriberStatus.Active, await StatusAsync(Bounce));
        Assert.Empty(await EventRecordsAsync());
    }

    [Fact]
    public async Task Post_OversizedBody_Returns400()
    {
        using var host = Host(_store, new Dictionary<string, string> { ["Digest:Subscribers:MaxEventBatchBytes"] = "1024" });
        var payload = "[" + string.Join(',', Enumerable.Range(0, 20).Select(i => Event($"r{i}@example.org", "delivered", _time.GetUtcNow(), "")(0))) + "]";

        var response = await SendAsync(payload, _signer.Sign(Now, payload), Now, host);

        Assert.Equal(400, response.Status);
        Assert.Empty(await EventRecordsAsync());
    }

    [Fact]
    public async Task Post_StoreFails_Returns503SoSendGridRetries()
    {
        var failing = new Mock<IBlobStore>();
        failing.Setup(s => s.GetPropertiesAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("storage account unreachable"));
        using var host = Host(failing.Object);
        var payload = "[" + Event(Bounce, "bounce", _time.GetUtcNow(), "")(0) + "]";

        var response = await SendAsync(payload, _signer.Sign(Now, payload), Now, host);

        Assert.Equal(503, response.Status);
        Assert.DoesNotContain("storage account", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NoPublicKeyConfigured_Returns503AndReadsNothing()
    {
        using var host = new FunctionsHost(_store, _time);
        var payload = "[" + Event(Bounce, "bounce", _time.GetUtcNow(), "")(0) + "]";

        var response = await SendAsync(payload, _signer.Sign(Now, payload), Now, host);

        Assert.Equal(503, response.Status);
    }

    [Theory]
    [InlineData("@Microsoft.KeyVault(VaultName=kv-digest;SecretName=sendgrid-webhook-public-key)")]
    [InlineData("bm90IGEga2V5")]
    public async Task Post_PublicKeySettingIsNotAKey_Returns503AndSaysWhichSetting(string setting)
    {
        using var host = Host(_store, new Dictionary<string, string> { ["Digest:Subscribers:SendGridWebhookPublicKey"] = setting });
        var payload = "[" + Event(Bounce, "bounce", _time.GetUtcNow(), "")(0) + "]";

        var response = await SendAsync(payload, _signer.Sign(Now, payload), Now, host);

        Assert.Equal(503, response.Status);
        Assert.Contains("SendGridWebhookPublicKey", host.Logs.All, StringComparison.Ordinal);
        Assert.Empty(await EventRecordsAsync());
    }

    [Fact]
    public async Task Post_SoftBouncesOnThreeConsecutiveDays_SuppressesOnTheThird_ADeliveryResetsTheStreak()
    {
        await SubscribeAsync(Bounce, Stays);
        var day = _time.GetUtcNow();
        string Blocked(string email, DateTimeOffset at) => Event(email, "bounce", at, """ "type": "blocked", "reason": "421 try again later", """)(0);

        Assert.Equal(200, (await PostAsync($"[{Blocked(Bounce, day.AddDays(-2))},{Blocked(Stays, day.AddDays(-2))}]")).Status);
        Assert.Equal(200, (await PostAsync($"[{Blocked(Bounce, day.AddDays(-1))},{Event(Stays, "delivered", day.AddDays(-1).AddHours(1), "")(0)}]")).Status);
        Assert.Equal(SubscriberStatus.Active, await StatusAsync(Bounce));
        Assert.Equal(200, (await PostAsync($"[{Blocked(Bounce, day.AddMinutes(-5))},{Blocked(Stays, day.AddMinutes(-5))}]")).Status);

        Assert.Equal(SubscriberStatus.Bounced, await StatusAsync(Bounce));
        Assert.Equal(SubscriberStatus.Active, await StatusAsync(Stays));
        Assert.Equal(1, (await _directory.GetAsync(SubscriberKey.For(Stays)))!.SoftBounces!.Days);
    }

    [Fact]
    public async Task Post_DroppedForBouncedOrInvalidAddress_Suppresses_OtherDropsOnlyCount()
    {
        await SubscribeAsync(Bounce, Stays);
        var at = _time.GetUtcNow().AddMinutes(-1);
        var payload = $"[{Event(Bounce, "dropped", at, """ "reason": "Bounced Address", """)(0)},{Event(Stays, "dropped", at, """ "reason": "Recipient List over Package Quota", """)(0)}]";

        Assert.Equal(200, (await PostAsync(payload)).Status);

        Assert.Equal(SubscriberStatus.Bounced, await StatusAsync(Bounce));
        Assert.Equal(SubscriberStatus.Active, await StatusAsync(Stays));
        var status = await new DayAccounting(_store, TimeZoneInfo.Utc).ComputeAsync(DateOnly.FromDateTime(at.UtcDateTime));
        Assert.Equal((1, 1), (status.Deliverability.Bounced, status.Deliverability.Dropped));
    }

    private string Now => SendGridWebhookSigner.Timestamp(_time.GetUtcNow());

    private FunctionsHost Host(IBlobStore store, Dictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string> { ["Digest:Subscribers:SendGridWebhookPublicKey"] = _signer.PublicKey };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return new FunctionsHost(store, _time, settings: settings);
    }

    /// <summary>
    /// One SendGrid event as the Event Webhook posts it (custom_args flattened into the event), as a function of the
    /// copy number: copies differ only in sg_event_id, as SendGrid's retries do.
    /// </summary>
    private static Func<int, string> Event(string email, string name, DateTimeOffset at, string extra) => copy => $$"""
        {"email":"{{email}}","timestamp":{{at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}},"smtp-id":"<{{SubscriberKey.For(email)}}@digest.example.com>","event":"{{name}}",{{extra}}"category":["digest"],"sg_event_id":"ev-{{name}}-{{copy}}-{{Guid.NewGuid():N}}","sg_message_id":"msg-{{SubscriberKey.For(email)[..12]}}.filter0001.16648.5515E0B88.0","digest_id":"2025-09-02-abc","batch_id":"b00001","subscriber_key":"{{SubscriberKey.For(email)}}"}
        """;

    private Task<HttpExchange.Response> PostAsync(string payload) => SendAsync(payload, _signer.Sign(Now, payload), Now);

    private async Task<HttpExchange.Response> SendAsync(string payload, string? signature, string? timestamp, FunctionsHost? host = null)
    {
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        var request = await HttpExchange.RequestAsync("POST", "/api/sendgrid/events", content);
        if (signature is not null)
        {
            request.Headers[SendGridWebhookSigner.SignatureHeader] = signature;
        }

        if (timestamp is not null)
        {
            request.Headers[SendGridWebhookSigner.TimestampHeader] = timestamp;
        }

        return await HttpExchange.ExecuteAsync(await (host ?? _host).Create<SendGridEventsFunction>().RunAsync(request, CancellationToken.None), request);
    }

    private async Task SubscribeAsync(params string[] emails)
    {
        foreach (var email in emails)
        {
            await _directory.PutAsync(new Subscriber(email, null, SubscriberStatus.Active, Subscribed, Subscribed, []));
        }
    }

    private async Task<SubscriberStatus> StatusAsync(string email) => (await _directory.GetAsync(SubscriberKey.For(email)))!.Status;

    private async Task<List<string>> EventRecordsAsync()
    {
        var names = new List<string>();
        await foreach (var blob in _store.ListAsync(Containers.State, "delivery-events/"))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
