using System.Net.Mail;
using Digest.Email.Smtp;

namespace Digest.Email.Tests.Smtp;

/// <summary>Failure handling, with the SMTP connection replaced by a scripted transport.</summary>
public sealed class SmtpEmailSenderTests
{
    private readonly List<Captured> _captured = [];
    private readonly List<string> _sent = [];
    private readonly Dictionary<string, Queue<Exception>> _failures = new(StringComparer.OrdinalIgnoreCase);

    [Fact]
    public async Task SendAsync_MailboxRejected550_FailsThatRecipientOthersSent()
    {
        Fail("user000001@example.com", new SmtpFailedRecipientException(SmtpStatusCode.MailboxUnavailable, "user000001@example.com"));

        var outcomes = await Sender().SendAsync(TestBatches.Batch(3));

        Assert.Equal([true, false, true], outcomes.Select(o => o.Accepted));
        Assert.Contains("550", outcomes[1].Error);
        Assert.DoesNotContain("user000001", outcomes[1].Error);
        Assert.Equal(2, _sent.Count);
    }

    [Fact]
    public async Task SendAsync_Transient451ThenOk_RetriedAndAccepted()
    {
        Fail("user000000@example.com", new SmtpFailedRecipientException(SmtpStatusCode.MailboxBusy, "x"), new SmtpException(SmtpStatusCode.ServiceNotAvailable, "421"));

        var outcomes = await Sender().SendAsync(TestBatches.Batch(1));

        Assert.True(outcomes[0].Accepted);
        Assert.Single(_sent);
    }

    [Fact]
    public async Task SendAsync_TransientBeforeAnyAccepted_Throws()
    {
        Fail("user000000@example.com", Enumerable.Range(0, 5).Select(_ => (Exception)new SmtpException(SmtpStatusCode.ServiceNotAvailable, "421")).ToArray());

        await Assert.ThrowsAsync<SmtpException>(() => Sender().SendAsync(TestBatches.Batch(2)));

        Assert.Empty(_sent);
    }

    [Fact]
    public async Task SendAsync_AuthenticationRejected_ThrowsWithoutRetry()
    {
        Fail("user000000@example.com", new SmtpException((SmtpStatusCode)535, "535 authentication failed"), new SmtpException((SmtpStatusCode)535, "535"));

        await Assert.ThrowsAsync<SmtpException>(() => Sender().SendAsync(TestBatches.Batch(2)));

        Assert.Single(_failures["user000000@example.com"]);
    }

    [Fact]
    public async Task SendAsync_TransientAfterSomeAccepted_RestNotSentInsteadOfThrowing()
    {
        Fail("user000001@example.com", Enumerable.Range(0, 5).Select(_ => (Exception)new IOException("connection reset")).ToArray());

        var outcomes = await Sender().SendAsync(TestBatches.Batch(3));

        Assert.Equal([true, false, false], outcomes.Select(o => o.Accepted));
        Assert.All(outcomes.Skip(1), o => Assert.StartsWith("not sent:", o.Error));
    }

    [Theory]
    [InlineData("List-Unsubscribe", "<https://x.example/u>\r\nBcc: victim@example.com", "CR or LF")]
    [InlineData("List-Unsubscribe", "<https://x.example/ü>", "printable ASCII")]
    [InlineData("Subject", "hijack", "set by the sender")]
    [InlineData("Bad Name", "x", "header name")]
    public async Task SendAsync_UnsafeHeader_FailsThatRecipientOnly(string header, string value, string expected)
    {
        var batch = TestBatches.Batch(2);
        var bad = batch.Recipients[0] with { Headers = new Dictionary<string, string>(batch.Recipients[0].Headers) { [header] = value } };

        var outcomes = await Sender().SendAsync(batch with { Recipients = [bad, batch.Recipients[1]] });

        Assert.Contains(expected, outcomes[0].Error);
        Assert.True(outcomes[1].Accepted);
        Assert.Single(_sent);
    }

    [Fact]
    public async Task SendAsync_Message_HasSubstitutionsHeadersAndAlternativeHtml()
    {
        var batch = TestBatches.Batch(1);

        var outcomes = await Sender(new SmtpOptions { FromAddress = "news@example.org", FromName = "News" }).SendAsync(batch);

        var message = Assert.Single(_captured);
        var (htmlBody, htmlType) = (message.Html, message.HtmlType);
        var recipient = batch.Recipients[0];
        Assert.Equal("text/html", htmlType);
        Assert.Contains(recipient.Substitutions[Digest.Core.Delivery.EmailTags.UnsubscribeUrl], htmlBody);
        Assert.Contains("Hello User 0", htmlBody);
        Assert.Equal("news@example.org", message.From);
        Assert.Equal("News", message.FromName);
        Assert.Equal(recipient.Headers["List-Unsubscribe"], message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(outcomes[0].MessageId, message.Headers["Message-ID"]);
        Assert.Contains(recipient.Substitutions[Digest.Core.Delivery.EmailTags.UnsubscribeUrl], message.Body);
        Assert.Contains("Hello User 0", message.Body);
        Assert.False(message.IsBodyHtml);
    }

    [Fact]
    public async Task SendAsync_SubjectWithLineBreak_FailsAllWithoutSending()
    {
        var outcomes = await Sender().SendAsync(TestBatches.Batch(2, content: TestBatches.Content("a\r\nBcc: x@example.com")));

        Assert.All(outcomes, o => Assert.Contains("subject", o.Error));
        Assert.Empty(_sent);
    }

    private sealed record Captured(string From, string FromName, Dictionary<string, string> Headers, string Body, bool IsBodyHtml, string Html, string HtmlType);

    private void Fail(string address, params Exception[] errors) => _failures[address] = new Queue<Exception>(errors);

    private SmtpEmailSender Sender(SmtpOptions? options = null)
    {
        options ??= new SmtpOptions();
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        return new SmtpEmailSender(options, TimeProvider.System, null, (message, _) =>
        {
            if (_failures.TryGetValue(message.To[0].Address, out var queue) && queue.TryDequeue(out var error))
            {
                throw error;
            }

            _sent.Add(message.To[0].Address);
            var view = message.AlternateViews.Single();
            _captured.Add(new Captured(
                message.From!.Address,
                message.From.DisplayName,
                message.Headers.AllKeys.ToDictionary(k => k!, k => message.Headers[k]!),
                message.Body,
                message.IsBodyHtml,
                new StreamReader(view.ContentStream).ReadToEnd(),
                view.ContentType.MediaType));
            return Task.CompletedTask;
        });
    }
}
