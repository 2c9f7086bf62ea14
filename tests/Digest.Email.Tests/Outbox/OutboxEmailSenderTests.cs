using Digest.Core.Delivery;
using Digest.Email.Outbox;
using Digest.Testing;
using Microsoft.Extensions.Options;

namespace Digest.Email.Tests.Outbox;

public sealed class OutboxEmailSenderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private OutboxEmailSender Sender() => new(Options.Create(new OutboxOptions { Path = _dir.Path }), new FakeTimeProvider());

    private static EmailBatch Batch(params string[] emails) => new(
        "digest-2025-09-02",
        "batch-00001",
        new EmailContent("digest@example.com", "Daily Digest", "Subject", "<a href=\"-unsubscribe_url-\">Unsubscribe</a>", "Unsubscribe: -unsubscribe_url-", ["digest"]),
        emails.Select(e => new EmailRecipient(
            e,
            null,
            SubscriberKey.For(e),
            new Dictionary<string, string> { [EmailTags.UnsubscribeUrl] = "https://x.example/api/unsubscribe?token=" + SubscriberKey.For(e) },
            new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://x.example/api/unsubscribe?token=" + SubscriberKey.For(e) + ">", ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click" })).ToArray());

    [Fact]
    public async Task SendAsync_TwoRecipients_OneEmlEachWithTheirOwnUnsubscribeLink()
    {
        var outcomes = await Sender().SendAsync(Batch("a@example.com", "b@example.com"));

        Assert.All(outcomes, o => Assert.True(o.Accepted));
        var files = Directory.GetFiles(_dir.Path, "*.eml");
        Assert.Equal(2, files.Length);
        var a = await File.ReadAllTextAsync(files.Single(f => f.Contains(SubscriberKey.For("a@example.com"), StringComparison.Ordinal)));
        Assert.Contains("To: <a@example.com>", a);
        Assert.Contains("token=" + SubscriberKey.For("a@example.com"), a);
        Assert.DoesNotContain("-unsubscribe_url-", a);
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
}
