using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Digest.Core.Articles;
using Digest.Core.Delivery;
using Digest.Core.Storage;
using Digest.Functions.Tests.Support;
using Digest.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Functions.Tests.EndToEnd;

/// <summary>
/// The whole delivery path through the Functions handler, with real SMTP into maildev: BuildDigest (timer) enqueues
/// batches, SendDigest (queue) mails each subscriber once, a subscriber unsubscribes with the RFC 8058 one-click
/// POST, and the next day's digest reaches everyone else.
/// </summary>
public sealed class SmtpDeliveryEndToEndTests : IDisposable
{
    private static readonly HttpClient Maildev = new();
    private readonly TempDirectory _dir = new();
    private readonly FileSystemBlobStore _store;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero));
    private readonly string _title = "E2E Digest " + Guid.NewGuid().ToString("N")[..8];

    public SmtpDeliveryEndToEndTests() => _store = new FileSystemBlobStore(_dir.Path);

    public void Dispose() => _dir.Dispose();

    [MaildevFact]
    public async Task Deliver_ViaSmtp_EachSubscriberOnce_ThenOneClickUnsubscribe_NextDigestReachesTheOthers()
    {
        const int n = 4;
        using var factory = new HandlerFactory(_store, _time, settings: new Dictionary<string, string>
        {
            ["Email:Provider"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = TestServices.SmtpPort!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Digest:Title"] = _title,
            ["Digest:PublicBaseUrl"] = "https://digest.example.com",
            ["Digest:PostalAddress"] = "1 Harbour Road, Port Town",
        });
        var client = factory.CreateClient();
        var directory = factory.Services.GetRequiredService<SubscriberDirectory>();
        var emails = Enumerable.Range(1, n).Select(i => $"reader{i}.{_title[^8..]}@example.com").ToArray();
        foreach (var email in emails)
        {
            await directory.PutAsync(new Subscriber(email, null, SubscriberStatus.Active, _time.GetUtcNow(), _time.GetUtcNow(), []));
        }

        // Day 1.
        await DeliverDayAsync(factory, client, "Harbour ferry timetable changes from Monday\n\nThe harbour authority announced new ferry times on Tuesday.");
        var first = await WaitForAsync("Tue 2 Sep", n);
        Assert.Equal(emails.Order(), first.Select(To).Order());
        foreach (var email in first)
        {
            var headers = email.GetProperty("headers");
            Assert.StartsWith("<https://digest.example.com/api/unsubscribe?token=", headers.GetProperty("list-unsubscribe").GetString());
            Assert.Equal("List-Unsubscribe=One-Click", headers.GetProperty("list-unsubscribe-post").GetString());
            Assert.StartsWith("multipart/alternative", headers.GetProperty("content-type").GetString());
        }

        // One subscriber clicks "unsubscribe" in their mail client: RFC 8058 one-click POST to the List-Unsubscribe URL.
        var leaving = first.Single(e => To(e) == emails[0]);
        var url = new Uri(leaving.GetProperty("headers").GetProperty("list-unsubscribe").GetString()!.Trim('<', '>'));
        var post = await client.PostAsync(url.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);

        // Day 2.
        _time.Advance(TimeSpan.FromDays(1));
        await DeliverDayAsync(factory, client, "Harbour bridge reopens after repairs\n\nThe harbour bridge reopened to traffic on Wednesday after a month of repairs.");
        var second = await WaitForAsync("Wed 3 Sep", n - 1);
        Assert.Equal(emails.Skip(1).Order(), second.Select(To).Order());
    }

    private async Task DeliverDayAsync(HandlerFactory factory, HttpClient client, string article)
    {
        var name = $"article-{_time.GetUtcNow():yyyyMMdd}.txt";
        await _store.PutAsync(Containers.Articles, name, BinaryData.FromString(article));
        await factory.Services.GetRequiredService<ParseArticleJob>().RunAsync(name);

        var built = await Payloads.InvokeAsync(client, "BuildDigest", "timer.json");
        Assert.Equal(HttpStatusCode.OK, built.StatusCode);

        var queue = factory.Services.GetRequiredKeyedService<IMessageQueue>(Containers.SendBatchesQueue);
        foreach (var message in await queue.ReceiveAsync(32, TimeSpan.FromMinutes(5)))
        {
            var payload = JsonSerializer.Serialize(new { Data = new { message = message.Body }, Metadata = new { DequeueCount = 1, message.Id } });
            var sent = await client.PostAsync("/SendDigest", Payloads.Json(payload));
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            await queue.DeleteAsync(message);
        }
    }

    private static string To(JsonElement email) => email.GetProperty("to")[0].GetProperty("address").GetString()!;

    /// <summary>Waits until maildev holds <paramref name="count"/> messages of this test for that day, then a moment more to catch extras.</summary>
    private async Task<List<JsonElement>> WaitForAsync(string day, int count)
    {
        List<JsonElement> mine = [];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var all = await Maildev.GetFromJsonAsync<List<JsonElement>>(new Uri(TestServices.MaildevUrl!, "email"));
            mine = all!.Where(e => e.GetProperty("from").GetRawText().Contains(_title, StringComparison.Ordinal)
                && e.GetProperty("subject").GetString()!.Contains(day, StringComparison.Ordinal)).ToList();
            if (mine.Count >= count)
            {
                await Task.Delay(300);
                return (await Maildev.GetFromJsonAsync<List<JsonElement>>(new Uri(TestServices.MaildevUrl!, "email")))!
                    .Where(e => e.GetProperty("from").GetRawText().Contains(_title, StringComparison.Ordinal)
                        && e.GetProperty("subject").GetString()!.Contains(day, StringComparison.Ordinal)).ToList();
            }

            await Task.Delay(100);
        }

        return mine;
    }
}
