using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues.Models;
using Digest.Core.Delivery;
using Digest.Core.Storage;
using Digest.Functions.Functions.BuildDigest;
using Digest.Functions.Functions.ParseArticle;
using Digest.Functions.Functions.SendDigest;
using Digest.Functions.Functions.Unsubscribe;
using Digest.Functions.Tests.Support;
using Digest.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Functions.Tests.EndToEnd;

/// <summary>
/// The whole delivery path through the four functions, with the real Core jobs and real SMTP into maildev:
/// ParseArticle (blob) parses the upload, BuildDigest (timer) enqueues batches, SendDigest (queue) mails each
/// subscriber once, a subscriber unsubscribes through Unsubscribe with the RFC 8058 one-click POST to the link in
/// their email, and the next day's digest reaches everyone else.
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
        using var host = new FunctionsHost(_store, _time, settings: new Dictionary<string, string>
        {
            ["Email:Provider"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = TestServices.SmtpPort!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Digest:Title"] = _title,
            ["Digest:PublicBaseUrl"] = "https://digest.example.com",
            ["Digest:PostalAddress"] = "1 Harbour Road, Port Town",
        });
        var directory = host.Services.GetRequiredService<SubscriberDirectory>();
        var emails = Enumerable.Range(1, n).Select(i => $"reader{i}.{_title[^8..]}@example.com").ToArray();
        foreach (var email in emails)
        {
            await directory.PutAsync(new Subscriber(email, null, SubscriberStatus.Active, _time.GetUtcNow(), _time.GetUtcNow(), []));
        }

        // Day 1.
        await DeliverDayAsync(host, "Harbour ferry timetable changes from Monday\n\nThe harbour authority announced new ferry times on Tuesday.");
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
        using var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        var request = await HttpExchange.RequestAsync("POST", url.PathAndQuery, oneClick);
        var post = await HttpExchange.ExecuteAsync(await host.Create<UnsubscribeFunction>().RunAsync(request, CancellationToken.None), request);
        Assert.Equal(200, post.Status);

        // Day 2.
        _time.Advance(TimeSpan.FromDays(1));
        await DeliverDayAsync(host, "Harbour bridge reopens after repairs\n\nThe harbour bridge reopened to traffic on Wednesday after a month of repairs.");
        var second = await WaitForAsync("Wed 3 Sep", n - 1);
        Assert.Equal(emails.Skip(1).Order(), second.Select(To).Order());
    }

    private async Task DeliverDayAsync(FunctionsHost host, string article)
    {
        var name = $"article-{_time.GetUtcNow():yyyyMMdd}.txt";
        await _store.PutAsync(Containers.Articles, name, BinaryData.FromString(article));
        await host.Create<ParseArticleFunction>().RunAsync(new BlobClient(new Uri("https://stdigest.blob.core.windows.net/articles/" + name)), CancellationToken.None);

        await host.Create<BuildDigestFunction>().RunAsync(new TimerInfo { ScheduleStatus = new ScheduleStatus() }, CancellationToken.None);

        // What the host does with send-batches: hand each message to SendDigest, delete it when the function completes.
        var queue = host.Services.GetRequiredKeyedService<IMessageQueue>(Containers.SendBatchesQueue);
        var send = host.Create<SendDigestFunction>();
        foreach (var message in await queue.ReceiveAsync(32, TimeSpan.FromMinutes(5)))
        {
            await send.RunAsync(QueuesModelFactory.QueueMessage(message.Id, "pop-receipt", BinaryData.FromString(message.Body), 1), CancellationToken.None);
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
