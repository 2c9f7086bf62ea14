using Digest.Core.Delivery;
using Digest.Email.Outbox;
using Digest.Testing;
using Microsoft.Extensions.Options;
using FakeTimeProvider = Microsoft.Extensions.Time.Testing.FakeTimeProvider;
using MimeKit;

namespace Digest.Email.Tests.Outbox;

public sealed class OutboxEmailSenderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 9, 2, 6, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private OutboxEmailSender Sender() => new(Options.Create(new OutboxOptions { Path = _dir.Path }), new FakeTimeProvider(Now));

    private static EmailBatch Batch(params string[] emails) => new(
        "digest-2025-09-02",
        "batch-00001",
        new EmailContent("digest@example.com", "Daily Digest", "Tägliche Übersicht", "<a href=\"-unsubscribe_url-\">Unsubscribe</a>", "Unsubscribe: -unsubscribe_url-", ["digest"]),
        emails.Select(e => new EmailRecipient(
            e,
            "Zoë",
            SubscriberKey.For(e),
            new Dictionary<string, string> { [EmailTags.UnsubscribeUrl] = "https://x.example/api/unsubscribe?token=" + SubscriberKey.For(e) },
            new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://x.example/api/unsubscribe?token=" + SubscriberKey.For(e) + ">", ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click" })).ToArray());

    [Fact]
    public async Task SendAsync_TwoRecipients_OneEmlEachThatParsesBackWithTheirOwnUnsubscribeLink()
    {
        var outcomes = await Sender().SendAsync(Batch("a@example.com", "b@example.com"));

        Assert.All(outcomes, o => Assert.True(o.Accepted));
        Assert.Equal(2, Directory.GetFiles(_dir.Path, "*.eml").Length);
        var key = SubscriberKey.For("a@example.com");
        var path = Path.Combine(_dir.Path, $"digest-2025-09-02_{key}.eml");
        using var message = await MimeMessage.LoadAsync(path);
        Assert.Equal(("a@example.com", "Zoë"), (message.To.Mailboxes.Single().Address, message.To.Mailboxes.Single().Name));
        Assert.Equal("Tägliche Übersicht", message.Subject);
        Assert.Equal(Now, message.Date);
        Assert.Equal(outcomes[0].MessageId, message.MessageId);
        Assert.Equal($"<https://x.example/api/unsubscribe?token={key}>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("Unsubscribe: https://x.example/api/unsubscribe?token=" + key, message.TextBody!.TrimEnd());
        Assert.Contains("token=" + key, message.HtmlBody);
        Assert.DoesNotContain("-unsubscribe_url-", await File.ReadAllTextAsync(path));
        Assert.True((await File.ReadAllBytesAsync(path)).All(b => b < 128), "the file is 7-bit, as it would travel");
    }

    [Fact]
    public async Task SendAsync_SameBatchTwice_DoesNotWriteASecondCopy()
    {
        await Sender().SendAsync(Batch("a@example.com"));
        var first = await File.ReadAllTextAsync(Directory.GetFiles(_dir.Path).Single());

        var again = await Sender().SendAsync(Batch("a@example.com"));

        Assert.True(again.Single().Accepted);
        Assert.Equal(first, await File.ReadAllTextAsync(Directory.GetFiles(_dir.Path).Single()));
    }

    [Fact]
    public async Task SendAsync_InvalidAddress_FailsThatRecipientOnly()
    {
        var outcomes = await Sender().SendAsync(Batch("a@example.com", "bad\r\nBcc: x@example.com"));

        Assert.True(outcomes[0].Accepted);
        Assert.False(outcomes[1].Accepted);
        Assert.Single(Directory.GetFiles(_dir.Path, "*.eml"));
    }

    [Fact]
    public async Task SendAsync_SubjectWithLineBreak_FailsAllWritesNothing()
    {
        var batch = Batch("a@example.com");
        batch = batch with { Content = batch.Content with { Subject = "Digest\r\nBcc: x@example.com" } };

        var outcomes = await Sender().SendAsync(batch);

        Assert.Contains("subject", Assert.Single(outcomes).Error);
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }
}
