using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Digest.Azure;
using Digest.Cli.Tests.Dev;
using Digest.Core.Delivery;
using Digest.Core.Delivery.Subscribing;
using Digest.Core.Storage;
using Digest.Testing;

namespace Digest.Cli.Tests.Subscribers;

/// <summary>
/// Issue 20, acceptance 1 (and 3 and 4 on the way), on Azurite and maildev through real processes: a watching
/// `digest dev` serves the subscribe form, the confirmation links and the SendGrid webhook through the Functions app's
/// handlers over HTTP, and sends through SMTP into maildev; `digest send`, `digest status --json` and
/// `digest subscribers list` run as an operator would.
/// </summary>
public sealed partial class SubscribeFlowTests : IDisposable
{
    private static readonly HttpClient Maildev = new();
    private readonly TempDirectory _dir = new();
    private readonly OwnAzurite _azurite = new();
    private readonly int _port = LocalPorts.Free();
    private readonly string _title = "Subscribe Flow " + Guid.NewGuid().ToString("N")[..8];
    private readonly SendGridWebhookSigner _signer = new();

    public void Dispose()
    {
        _signer.Dispose();
        _azurite.Dispose();
        _dir.Dispose();
    }

    [AzuriteFact]
    public async Task FormConfirmationEmailConfirm_NextSendEmailsOnce_BadLinksChangeNothing_ABounceSuppresses()
    {
        var store = await _azurite.StartStoreAsync();
        var directory = new SubscriberDirectory(store);
        var newcomer = $"newcomer.{_title[^8..]}@example.com";
        var known = $"known.{_title[^8..]}@example.com";
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["Email__Provider"] = "Smtp",
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = TestServices.SmtpPort!.Value.ToString(CultureInfo.InvariantCulture),
            ["Digest__Title"] = _title,
            ["Digest__PublicBaseUrl"] = $"http://localhost:{_port}",
            ["Digest__PostalAddress"] = "1 Harbour Road, Port Town",
            ["Digest__Subscribers__SendGridWebhookPublicKey"] = _signer.PublicKey,
        };
        async Task<string> Digest(params string[] args)
        {
            var (code, output) = await CliProcess.RunAsync(_dir.Path, environment, args);
            Assert.True(code == 0, $"digest {string.Join(' ', args)} exited {code}:\n{output}");
            return output;
        }

        await Digest("subscribers", "add", known);
        await Digest("upload", Repository.Seeds);
        var log = new StringBuilder();
        using var dev = CliProcess.Start(_dir.Path, environment, line => { lock (log) { log.AppendLine(line); } }, "dev", "--now", "--port", _port.ToString(CultureInfo.InvariantCulture));
        try
        {
            // Today's digest is built and sent (to the known subscriber only) before anyone confirms.
            var day = new Core.DigestOptions().DayOf(TimeProvider.System.GetUtcNow());
            var deadline = Stopwatch.StartNew();
            while (await store.GetPropertiesAsync(Containers.Digests, Containers.Enqueued(day)) is null && deadline.Elapsed < TimeSpan.FromSeconds(120) && !dev.HasExited)
            {
                await Task.Delay(250);
            }

            Assert.True(await store.GetPropertiesAsync(Containers.Digests, Containers.Enqueued(day)) is not null, "digest dev built nothing:\n" + log);
            Assert.Equal([known], (await WaitForAsync(e => !IsConfirmation(e), 1)).Select(To));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30), BaseAddress = new Uri($"http://localhost:{_port}") };

            // The form; the same address five times in a minute; a known address: one answer for all.
            using var form = await http.GetAsync("/api/subscribe");
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            var answers = new List<(HttpStatusCode, string)>();
            foreach (var address in new[] { newcomer, newcomer, newcomer, newcomer, newcomer, known })
            {
                using var post = await http.PostAsync("/api/subscribe", new FormUrlEncodedContent([new("email", address), new("name", "New Comer")]));
                answers.Add((post.StatusCode, await post.Content.ReadAsStringAsync()));
            }

            Assert.Equal(HttpStatusCode.OK, answers[0].Item1);
            Assert.Contains("Check your inbox", answers[0].Item2);
            Assert.All(answers, a => Assert.Equal(answers[0], a));
            var confirmations = await WaitForAsync(IsConfirmation, 1);
            Assert.Equal([newcomer], confirmations.Select(To));
            var key = SubscriberKey.For(newcomer);
            Assert.Equal(SubscriberStatus.Pending, (await directory.GetAsync(key))!.Status);

            var link = new Uri(LinkPattern().Match(confirmations[0].GetProperty("text").GetString()!).Value);
            Assert.Equal($"http://localhost:{_port}/api/subscribe/confirm", link.GetLeftPart(UriPartial.Path));
            var token = Uri.UnescapeDataString(link.Query["?token=".Length..]);

            // A forged link and an expired one (signed with the store's key, 49 hours after it was sent) change nothing.
            using var forged = await http.PostAsync("/api/subscribe/confirm?token=" + Uri.EscapeDataString(token[..^3] + "xyz"), null);
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            var signingKey = (await store.GetAsync(Containers.State, Containers.UnsubscribeSigningKey))!.Content.ToString().Trim();
            var nonce = token.Split('.')[2];
            var expired = new ConfirmationToken(signingKey).Create(key, nonce, DateTimeOffset.UtcNow.AddHours(-1));
            using var late = await http.PostAsync("/api/subscribe/confirm?token=" + Uri.EscapeDataString(expired), null);
            Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
            Assert.Contains("Link expired", await late.Content.ReadAsStringAsync());
            Assert.Equal(SubscriberStatus.Pending, (await directory.GetAsync(key))!.Status);

            // GET shows the button and changes nothing; POST confirms; the replay changes nothing.
            using var show = await http.GetAsync(link.PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, show.StatusCode);
            Assert.Contains("<button type=\"submit\">Confirm</button>", await show.Content.ReadAsStringAsync());
            Assert.Equal(SubscriberStatus.Pending, (await directory.GetAsync(key))!.Status);
            using var confirm = await http.PostAsync(link.PathAndQuery, null);
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
            var active = (await directory.GetAsync(key))!;
            Assert.Equal(SubscriberStatus.Active, active.Status);
            using var replay = await http.PostAsync(link.PathAndQuery, null);
            Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
            var after = (await directory.GetAsync(key))!;
            Assert.Equal((SubscriberStatus.Active, active.UpdatedAt), (after.Status, after.UpdatedAt));

            // The next `digest send` emails the newcomer today's digest, once.
            await Digest("send");
            await Digest("send");
            var digests = await WaitForAsync(e => !IsConfirmation(e), 2);
            Assert.Equal([known, newcomer], digests.Select(To).Order(StringComparer.Ordinal));

            // SendGrid reports a hard bounce for the newcomer: suppressed, counted once (three copies), skipped by send.
            // (An event older than the confirmation would be stale: events carry whole seconds, so round up.)
            var sent = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var payload = "[" + string.Join(',', Enumerable.Range(0, 3).Select(i => $$"""{"email":"{{newcomer}}","timestamp":{{sent}},"event":"bounce","type":"bounce","sg_event_id":"e{{i}}","sg_message_id":"m1.filter0001","subscriber_key":"{{key}}"}""")) + "]";
            var stamp = SendGridWebhookSigner.Timestamp(DateTimeOffset.UtcNow);
            using var unsigned = await http.PostAsync("/api/sendgrid/events", new StringContent(payload, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
            using var events = new HttpRequestMessage(HttpMethod.Post, "/api/sendgrid/events") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
            events.Headers.Add(SendGridWebhookSigner.TimestampHeader, stamp);
            events.Headers.Add(SendGridWebhookSigner.SignatureHeader, _signer.Sign(stamp, payload));
            using var accepted = await http.SendAsync(events);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Assert.Equal(SubscriberStatus.Bounced, (await directory.GetAsync(key))!.Status);

            var status = JsonDocument.Parse(await Digest("status", "--json")).RootElement.GetProperty("deliverability");
            Assert.Equal(1, status.GetProperty("bounced").GetInt32());
            Assert.Equal(2, status.GetProperty("accepted").GetInt32());
            Assert.Contains("bounced", (await Digest("subscribers", "list")).Split('\n').Single(l => l.StartsWith("n***@", StringComparison.Ordinal)));
            await Digest("send");
            Assert.Equal(2, (await WaitForAsync(e => !IsConfirmation(e), 3)).Count);
        }
        finally
        {
            dev.Kill(entireProcessTree: true);
            await dev.WaitForExitAsync();
        }
    }

    private static bool IsConfirmation(JsonElement email) => email.GetProperty("subject").GetString()!.StartsWith("Confirm your subscription", StringComparison.Ordinal);

    private static string To(JsonElement email) => email.GetProperty("to")[0].GetProperty("address").GetString()!;

    /// <summary>This test's messages (the title is the From name) that match, once at least <paramref name="count"/> arrived or 10 s passed, plus a moment to catch extras.</summary>
    private async Task<IReadOnlyList<JsonElement>> WaitForAsync(Func<JsonElement, bool> match, int count)
    {
        async Task<List<JsonElement>> MineAsync() =>
            (await Maildev.GetFromJsonAsync<List<JsonElement>>(new Uri(TestServices.MaildevUrl!, "email")))!
                .Where(e => e.GetProperty("from").GetRawText().Contains(_title, StringComparison.Ordinal) && match(e)).ToList();

        for (var attempt = 0; attempt < 100 && (await MineAsync()).Count < count; attempt++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(500);
        return await MineAsync();
    }

    [GeneratedRegex(@"http://localhost:\d+/api/subscribe/confirm\?token=\S+")]
    private static partial Regex LinkPattern();
}
