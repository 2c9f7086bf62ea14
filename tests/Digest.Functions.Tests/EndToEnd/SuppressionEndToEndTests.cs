using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Azure.Storage.Queues.Models;
using Digest.Core.Delivery;
using Digest.Core.Storage;
using Digest.Functions.Functions.BuildDigest;
using Digest.Functions.Functions.ParseArticle;
using Digest.Functions.Functions.SendDigest;
using Digest.Functions.Functions.SendGridEvents;
using Digest.Functions.Functions.Subscribe;
using Digest.Functions.Tests.Support;
using Digest.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Functions.Tests.EndToEnd;

/// <summary>
/// Issue 20, acceptance 3, through the functions and the real Core jobs: a subscriber suppressed by a signed SendGrid
/// event (a hard bounce, a spam report) receives nothing from the next day's send nor from `digest send`
/// (<see cref="SendDayJob"/>, what the command runs); subscribing again sends a confirmation but no digest until it is
/// confirmed, and then exactly one.
/// </summary>
public sealed partial class SuppressionEndToEndTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FileSystemBlobStore _store;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero));
    private readonly RecordingEmailSender _sender = new();
    private readonly SendGridWebhookSigner _signer = new();

    public SuppressionEndToEndTests() => _store = new FileSystemBlobStore(_dir.Path);

    public void Dispose()
    {
        _signer.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task SuppressedSubscriber_GetsNothingFromTheNextDayNorFromSend_ResubscribingNeedsAConfirmation()
    {
        using var host = new FunctionsHost(_store, _time, services => services.RemoveAll<IEmailSender>().AddSingleton<IEmailSender>(_sender), new Dictionary<string, string>
        {
            ["Digest:Subscribers:SendGridWebhookPublicKey"] = _signer.PublicKey,
            ["Digest:PublicBaseUrl"] = "https://digest.example.com",
        });
        var directory = host.Services.GetRequiredService<SubscriberDirectory>();
        string[] emails = ["bouncing@example.com", "complaining@example.com", "staying@example.com"];
        foreach (var email in emails)
        {
            await directory.PutAsync(new Subscriber(email, null, SubscriberStatus.Active, _time.GetUtcNow().AddDays(-1), _time.GetUtcNow().AddDays(-1), []));
        }

        // Day 1: everyone.
        var day1 = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        await DeliverDayAsync(host, "Harbour ferry timetable changes from Monday\n\nThe harbour authority announced new ferry times on Tuesday.");
        Assert.Equal(emails.Order(), Digests().Order());

        // SendGrid reports a hard bounce and a spam report (signed, as the Event Webhook posts them).
        _time.Advance(TimeSpan.FromHours(2));
        var events = await PostEventsAsync(host, $"[{Event(emails[0], "bounce", """ "type":"bounce","reason":"550 5.1.1 unknown user", """)},{Event(emails[1], "spamreport", "")}]");
        Assert.Equal(200, events.Status);

        // `digest send` for day 1 again: nobody new, and the suppressed are not "pending".
        var resend = await SendDayAsync(host, day1);
        Assert.Equal(0, resend.Pending);

        // Day 2: only the one still active.
        _time.Advance(TimeSpan.FromDays(1));
        var day2 = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var before = Digests().Count;
        await DeliverDayAsync(host, "Harbour bridge reopens after repairs\n\nThe harbour bridge reopened to traffic on Wednesday after a month of repairs.");
        Assert.Equal([emails[2]], Digests().Skip(before));
        Assert.Equal(0, (await SendDayAsync(host, day2)).Pending);
        Assert.Equal(before + 1, Digests().Count);

        // The bounced reader subscribes again: a confirmation, no digest, still bounced until they confirm.
        var form = await SubscribeAsync(host, emails[0]);
        Assert.Equal(200, form.Status);
        var confirmation = Assert.Single(_sender.Sent, s => s.Batch.Content.Categories.Contains("subscribe-confirmation"));
        Assert.Equal(emails[0], confirmation.Recipient.Email);
        Assert.Equal(SubscriberStatus.Bounced, (await directory.GetAsync(SubscriberKey.For(emails[0])))!.Status);
        Assert.Equal(0, (await SendDayAsync(host, day2)).Pending);
        Assert.Equal(before + 1, Digests().Count);

        var link = new Uri(LinkPattern().Match(confirmation.Batch.Content.Text).Value);
        var request = await HttpExchange.RequestAsync("POST", link.PathAndQuery);
        Assert.Equal(200, (await HttpExchange.ExecuteAsync(await host.Create<SubscribeFunction>().ConfirmAsync(request, CancellationToken.None), request)).Status);
        Assert.Equal(1, (await SendDayAsync(host, day2)).Pending);
        Assert.Equal(0, (await SendDayAsync(host, day2)).Pending);
        Assert.Equal([emails[2], emails[0]], Digests().Skip(before));
        Assert.DoesNotContain(emails[1], Digests().Skip(before));
    }

    private IReadOnlyList<string> Digests() => _sender.To("digest");

    private string Event(string email, string name, string extra) => $$"""
        {"email":"{{email}}","timestamp":{{_time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}},"event":"{{name}}",{{extra}}"sg_event_id":"{{Guid.NewGuid():N}}","sg_message_id":"m-{{SubscriberKey.For(email)[..8]}}.filter0001","subscriber_key":"{{SubscriberKey.For(email)}}","digest_id":"d","batch_id":"b"}
        """;

    private async Task<HttpExchange.Response> PostEventsAsync(FunctionsHost host, string payload)
    {
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        var request = await HttpExchange.RequestAsync("POST", "/api/sendgrid/events", content);
        var timestamp = SendGridWebhookSigner.Timestamp(_time.GetUtcNow());
        request.Headers[SendGridWebhookSigner.TimestampHeader] = timestamp;
        request.Headers[SendGridWebhookSigner.SignatureHeader] = _signer.Sign(timestamp, payload);
        return await HttpExchange.ExecuteAsync(await host.Create<SendGridEventsFunction>().RunAsync(request, CancellationToken.None), request);
    }

    private static async Task<HttpExchange.Response> SubscribeAsync(FunctionsHost host, string email)
    {
        using var form = new FormUrlEncodedContent([new("email", email)]);
        var request = await HttpExchange.RequestAsync("POST", "/api/subscribe", form);
        return await HttpExchange.ExecuteAsync(await host.Create<SubscribeFunction>().RunAsync(request, CancellationToken.None), request);
    }

    /// <summary>What `digest send` does: <see cref="SendDayJob"/>, then the queue drained through SendDigest.</summary>
    private static async Task<SendDayOutcome> SendDayAsync(FunctionsHost host, DateOnly day)
    {
        var outcome = await host.Services.GetRequiredService<SendDayJob>().RunAsync(day, retryInDoubt: false);
        await DrainAsync(host);
        return outcome;
    }

    private async Task DeliverDayAsync(FunctionsHost host, string article)
    {
        var name = $"article-{_time.GetUtcNow():yyyyMMdd}.txt";
        await _store.PutAsync(Containers.Articles, name, BinaryData.FromString(article));
        await host.Create<ParseArticleFunction>().RunAsync(new BlobClient(new Uri("https://stdigest.blob.core.windows.net/articles/" + name)), CancellationToken.None);
        await host.Create<BuildDigestFunction>().RunAsync(new TimerInfo { ScheduleStatus = new ScheduleStatus() }, CancellationToken.None);
        await DrainAsync(host);
    }

    private static async Task DrainAsync(FunctionsHost host)
    {
        var queue = host.Services.GetRequiredKeyedService<IMessageQueue>(Containers.SendBatchesQueue);
        var send = host.Create<SendDigestFunction>();
        foreach (var message in await queue.ReceiveAsync(32, TimeSpan.FromMinutes(5)))
        {
            await send.RunAsync(QueuesModelFactory.QueueMessage(message.Id, "pop-receipt", BinaryData.FromString(message.Body), 1), CancellationToken.None);
            await queue.DeleteAsync(message);
        }
    }

    [GeneratedRegex(@"https://\S+/api/subscribe/confirm\?token=\S+")]
    private static partial Regex LinkPattern();
}
