using System.Net.Http.Json;
using System.Text.Json;
using Digest.Email.Smtp;
using Digest.Testing;
using Microsoft.Extensions.Options;

namespace Digest.Email.Tests.Smtp;

/// <summary>Real SMTP against maildev (started by test.sh). maildev is shared by the whole run: subjects are unique.</summary>
public sealed class SmtpMaildevTests
{
    private static readonly HttpClient Http = new();

    [MaildevFact]
    public async Task SendAsync_ThreeRecipients_EachGetsOneMultipartAlternativeWithUnsubscribeHeaders()
    {
        var subject = $"Tägliche Übersicht — Zürich & São Paulo {Guid.NewGuid():N}";
        var batch = TestBatches.Batch(3, content: TestBatches.Content(subject), domain: "maildev.example.com");
        var sender = new SmtpEmailSender(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = TestServices.SmtpPort!.Value }), TimeProvider.System);

        var outcomes = await sender.SendAsync(batch);

        Assert.All(outcomes, o => Assert.True(o.Accepted, o.Error));
        var received = await WaitForAsync(subject, 3);
        foreach (var recipient in batch.Recipients)
        {
            var email = Assert.Single(received, e => e.GetProperty("to")[0].GetProperty("address").GetString() == recipient.Email);
            Assert.Equal(subject, email.GetProperty("subject").GetString());
            Assert.Equal(recipient.Name, email.GetProperty("to")[0].GetProperty("name").GetString());
            var headers = email.GetProperty("headers");
            Assert.Equal(recipient.Headers["List-Unsubscribe"], headers.GetProperty("list-unsubscribe").GetString());
            Assert.Equal("List-Unsubscribe=One-Click", headers.GetProperty("list-unsubscribe-post").GetString());
            Assert.StartsWith("multipart/alternative", headers.GetProperty("content-type").GetString());
            Assert.Equal($"<{outcomes[batch.Recipients.ToList().IndexOf(recipient)].MessageId}>", headers.GetProperty("message-id").GetString());
            var url = recipient.Substitutions[Digest.Core.Delivery.EmailTags.UnsubscribeUrl];
            Assert.Contains(url, email.GetProperty("text").GetString());
            Assert.Contains($"Hello {recipient.Name}", email.GetProperty("text").GetString());
            Assert.Contains(url, email.GetProperty("html").GetString());
            Assert.DoesNotContain("-unsubscribe_url-", email.GetProperty("html").GetString());

            var source = await Http.GetStringAsync(new Uri(TestServices.MaildevUrl!, $"email/{email.GetProperty("id").GetString()}/source"));
            var plain = source.IndexOf("Content-Type: text/plain", StringComparison.OrdinalIgnoreCase);
            var html = source.IndexOf("Content-Type: text/html", StringComparison.OrdinalIgnoreCase);
            Assert.True(plain > 0 && html > plain, "text/plain must come before text/html");
            Assert.Contains("Subject: =?utf-8?", source, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The messages maildev received with <paramref name="subject"/>, once at least <paramref name="count"/> arrived.</summary>
    internal static async Task<List<JsonElement>> WaitForAsync(string subject, int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var all = await Http.GetFromJsonAsync<List<JsonElement>>(new Uri(TestServices.MaildevUrl!, "email"));
            var mine = all!.Where(e => e.GetProperty("subject").GetString() == subject).ToList();
            if (mine.Count >= count)
            {
                return mine;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"maildev did not receive {count} messages with the test subject");
    }
}
