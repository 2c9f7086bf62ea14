using Digest.Email.Smtp;
using MailKit.Net.Smtp;
using MimeKit;

namespace Digest.Email.Tests.Smtp;

/// <summary>Failure handling, with the MailKit session replaced by a scripted transport that throws MailKit's exceptions.</summary>
public sealed class SmtpEmailSenderTests
{
    private readonly List<MimeMessage> _sent = [];
    private readonly Dictionary<string, Queue<Exception>> _failures = new(StringComparer.OrdinalIgnoreCase);

    [Fact]
    public async Task SendAsync_MailboxRejected550_FailsThatRecipientOthersSent()
    {
        Fail("user000001@example.com", Rejected(SmtpStatusCode.MailboxUnavailable));

        var outcomes = await Sender().SendAsync(TestBatches.Batch(3));

        Assert.Equal([true, false, true], outcomes.Select(o => o.Accepted));
        Assert.Contains("550", outcomes[1].Error);
        Assert.DoesNotContain("user000001", outcomes[1].Error);
        Assert.Equal(2, _sent.Count);
    }

    [Fact]
    public async Task SendAsync_Transient451ThenOk_RetriedAndAccepted()
    {
        Fail("user000000@example.com", Rejected(SmtpStatusCode.MailboxBusy), new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ServiceNotAvailable, "421"));

        var outcomes = await Sender().SendAsync(TestBatches.Batch(1));

        Assert.True(outcomes[0].Accepted);
        Assert.Single(_sent);
    }

    [Fact]
    public async Task SendAsync_TransientBeforeAnyAccepted_Throws()
    {
        Fail("user000000@example.com", Enumerable.Range(0, 5).Select(_ => (Exception)new SmtpProtocolException("connection dropped")).ToArray());

        await Assert.ThrowsAsync<SmtpProtocolException>(() => Sender().SendAsync(TestBatches.Batch(2)));

        Assert.Empty(_sent);
    }

    [Fact]
    public async Task SendAsync_AuthenticationRejected_ThrowsWithoutRetry()
    {
        Fail("user000000@example.com", new MailKit.Security.AuthenticationException("535 authentication failed"), new MailKit.Security.AuthenticationException("535"));

        await Assert.ThrowsAsync<MailKit.Security.AuthenticationException>(() => Sender().SendAsync(TestBatches.Batch(2)));

        Assert.Single(_failures["user000000@example.com"]);
    }

    [Fact]
    public async Task SendAsync_SenderRejected5xx_ThrowsWithoutRetry()
    {
        Fail("user000000@example.com", new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.MailboxNameNotAllowed, "553"), new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.MailboxNameNotAllowed, "553"));

        await Assert.ThrowsAsync<SmtpCommandException>(() => Sender().SendAsync(TestBatches.Batch(2)));

        Assert.Single(_failures["user000000@example.com"]);
    }

    [Fact]
    public async Task SendAsync_TransientAfterSomeAccepted_RestNotSentInsteadOfThrowing()
    {
        Fail("user000001@example.com", Enumerable.Range(0, 5).Select(_ => (Exception)new IOException("connection reset")).ToArray());

        var outcomes = await Sender().SendAsync(TestBatches.Batch(3));

        Assert.Equal([true, false, false], outcomes.Select(o => o.Accepted));
        Assert.All(outcomes.Skip(1), o => Assert.StartsWith("not sent:", o.Error));
        Assert.All(outcomes.Skip(1), o => Assert.True(o.Retryable));
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
    public async Task SendAsync_DuplicateAddressDifferingInCase_SentOnceBothAccepted()
    {
        var batch = TestBatches.Batch(1) with { Recipients = [TestBatches.Recipient("Ann@Example.com"), TestBatches.Recipient("ann@example.COM")] };

        var outcomes = await Sender().SendAsync(batch);

        Assert.All(outcomes, o => Assert.True(o.Accepted));
        Assert.Equal(outcomes[0].MessageId, outcomes[1].MessageId);
        Assert.Single(_sent);
    }

    [Fact]
    public async Task SendAsync_Message_HasSubstitutionsHeadersAndAlternativeHtml()
    {
        var batch = TestBatches.Batch(1);

        var outcomes = await Sender(new SmtpOptions { FromAddress = "news@example.org", FromName = "News" }).SendAsync(batch);

        var message = Assert.Single(_sent);
        var recipient = batch.Recipients[0];
        var url = recipient.Substitutions[Digest.Core.Delivery.EmailTags.UnsubscribeUrl];
        Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Contains(url, message.HtmlBody);
        Assert.Contains("Hello User 0", message.HtmlBody);
        Assert.Contains(url, message.TextBody);
        Assert.Contains("Hello User 0", message.TextBody);
        var from = message.From.Mailboxes.Single();
        Assert.Equal(("news@example.org", "News"), (from.Address, from.Name));
        Assert.Equal(recipient.Headers["List-Unsubscribe"], message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(outcomes[0].MessageId, message.MessageId);
    }

    [Fact]
    public async Task SendAsync_SubjectWithLineBreak_FailsAllWithoutSending()
    {
        var outcomes = await Sender().SendAsync(TestBatches.Batch(2, content: TestBatches.Content("a\r\nBcc: x@example.com")));

        Assert.All(outcomes, o => Assert.Contains("subject", o.Error));
        Assert.Empty(_sent);
    }

    [Theory]
    [InlineData(false, 1025, MailKit.Security.SecureSocketOptions.None)]
    [InlineData(true, 587, MailKit.Security.SecureSocketOptions.StartTls)]
    [InlineData(true, 465, MailKit.Security.SecureSocketOptions.SslOnConnect)]
    public void SocketOptions_EnableSslAndPort_PicksTls(bool enableSsl, int port, MailKit.Security.SecureSocketOptions expected)
    {
        Assert.Equal(expected, SmtpConnection.SocketOptions(new SmtpOptions { EnableSsl = enableSsl, Port = port }));
    }

    private static SmtpCommandException Rejected(SmtpStatusCode status) =>
        new(SmtpErrorCode.RecipientNotAccepted, status, "mailbox rejected");

    private void Fail(string address, params Exception[] errors) => _failures[address] = new Queue<Exception>(errors);

    private SmtpEmailSender Sender(SmtpOptions? options = null)
    {
        options ??= new SmtpOptions();
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        return new SmtpEmailSender(options, TimeProvider.System, null, (message, _) =>
        {
            var to = message.To.Mailboxes.Single().Address;
            if (_failures.TryGetValue(to, out var queue) && queue.TryDequeue(out var error))
            {
                throw error;
            }

            // The sender disposes its message after sending: keep a parsed copy of what went over the wire.
            using var wire = new MemoryStream();
            message.WriteTo(wire);
            wire.Position = 0;
            _sent.Add(MimeMessage.Load(wire));
            return Task.CompletedTask;
        });
    }
}
