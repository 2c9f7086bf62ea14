using Digest.Email.Smtp;
using Digest.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Email.Tests.Smtp;

/// <summary>
/// The SMTP session outlives the sender's calls (the job calls once per message), against maildev through a relay
/// that counts sessions and cuts them.
/// </summary>
public sealed class SmtpSessionTests : IDisposable
{
    private readonly SmtpProxy _proxy = new(TestServices.SmtpPort ?? 0);
    private readonly string _subject = $"session {Guid.NewGuid():N}";

    public void Dispose() => _proxy.Dispose();

    [MaildevFact]
    public async Task SendAsync_OneMessagePerCall_AllOverOneSessionClosedWithTheSender()
    {
        var sender = Sender(TimeProvider.System);

        await SendAsync(sender, 0, 5);
        var connections = _proxy.Connections;
        await sender.DisposeAsync();

        Assert.Equal(1, connections);
        Assert.Equal(5, (await SmtpMaildevTests.WaitForAsync(_subject, 5)).Count);
        await WaitUntilAsync(() => _proxy.Open == 0, "the sender's dispose to close its session");
    }

    [MaildevFact]
    public async Task SendAsync_SessionCutBetweenMessages_ReconnectsOnceWithoutARetryAndLosesNothing()
    {
        await using var sender = Sender(TimeProvider.System); // MaxRetries 0: only the reconnect can save the message

        await SendAsync(sender, 0, 2);
        _proxy.DropAll();
        await WaitUntilAsync(() => _proxy.Open == 0, "the relay to cut the session");
        await SendAsync(sender, 2, 2);

        Assert.Equal(2, _proxy.Connections);
        var received = await SmtpMaildevTests.WaitForAsync(_subject, 4);
        Assert.Equal(4, received.Count);
    }

    [MaildevFact]
    public async Task SendAsync_SessionIdleLongerThanTheLimit_ReplacedByANewOne()
    {
        var time = new FakeTimeProvider();
        await using var sender = Sender(time);

        await SendAsync(sender, 0, 1);
        time.Advance(SmtpConnection.IdleLimit / 2);
        await SendAsync(sender, 1, 1);
        var withinLimit = _proxy.Connections;
        time.Advance(SmtpConnection.IdleLimit + TimeSpan.FromSeconds(1));
        await SendAsync(sender, 2, 1);

        Assert.Equal(1, withinLimit);
        Assert.Equal(2, _proxy.Connections);
        Assert.Equal(3, (await SmtpMaildevTests.WaitForAsync(_subject, 3)).Count);
    }

    private SmtpEmailSender Sender(TimeProvider time) =>
        new(new SmtpOptions { Host = "127.0.0.1", Port = _proxy.Port, MaxRetries = 0 }, time, null, transport: null);

    /// <summary>Calls the sender as the job does: one recipient per call.</summary>
    private async Task SendAsync(SmtpEmailSender sender, int first, int count)
    {
        var batch = TestBatches.Batch(first + count, content: TestBatches.Content(_subject), domain: "session.example.com");
        foreach (var recipient in batch.Recipients.Skip(first))
        {
            var outcome = Assert.Single(await sender.SendAsync(batch with { Recipients = [recipient] }));
            Assert.True(outcome.Accepted, outcome.Error);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var attempt = 0; attempt < 100 && !condition(); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), $"timed out waiting for {what}");
    }
}
