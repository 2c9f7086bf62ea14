using Digest.Core.Delivery;
using Digest.Core.Json;
using Digest.Core.Storage;
using Digest.Core.Tests.Digests;
using Moq;

namespace Digest.Core.Tests.Delivery;

public sealed class SendDigestJobTests : IDisposable
{
    private static readonly DateOnly Day = new(2025, 9, 2);
    private readonly RecordingSender _sender = new();
    private readonly JobHarness _harness;

    public SendDigestJobTests() => _harness = new JobHarness(_sender, batchSize: 3);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task RunAsync_Batch_SendsEachActiveSubscriberWithSignedUnsubscribeHeaders()
    {
        var messages = await PrepareAsync(subscribers: 3);

        var outcome = await _harness.Send.RunAsync(messages.Single());

        Assert.Equal(3, outcome.Sent);
        var recipient = _sender.Recipients.First();
        Assert.StartsWith("<https://digest.example.com/api/unsubscribe?token=v1.daily.", recipient.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", recipient.Headers["List-Unsubscribe-Post"]);
        var token = recipient.Substitutions[EmailTags.UnsubscribeUrl].Split("token=")[1];
        Assert.Equal(("daily", recipient.SubscriberKey), new UnsubscribeToken(new string('k', 40)).Verify(token));
    }

    [Fact]
    public async Task RunAsync_SameBatchTwice_NobodyEmailedTwice()
    {
        var message = (await PrepareAsync(subscribers: 3)).Single();

        var first = await _harness.Send.RunAsync(message);
        var second = await _harness.Send.RunAsync(message);

        Assert.Equal(3, first.Sent);
        Assert.Equal(0, second.Sent);
        Assert.Equal(3, second.AlreadySent);
        Assert.Equal(3, _sender.Recipients.Count);
    }

    [Fact]
    public async Task RunAsync_DuplicatedBatchConcurrently_NobodyEmailedTwice()
    {
        var message = (await PrepareAsync(subscribers: 3)).Single();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _harness.Send.RunAsync(message))));

        Assert.Equal(3, _sender.Recipients.Count);
        Assert.Equal(3, _sender.Recipients.Select(r => r.SubscriberKey).Distinct().Count());
    }

    [Fact]
    public async Task RunAsync_ProviderOutage_ReleasesClaimsSoTheRetrySends()
    {
        var message = (await PrepareAsync(subscribers: 2)).Single();
        _sender.FailNext = 1;

        await Assert.ThrowsAsync<HttpRequestException>(() => _harness.Send.RunAsync(message));
        var retry = await _harness.Send.RunAsync(message);

        Assert.Equal(2, retry.Sent);
        Assert.Equal(2, _sender.Recipients.Count);
    }

    [Fact]
    public async Task RunAsync_UnsubscribedSinceBuild_IsSkipped()
    {
        var message = (await PrepareAsync(subscribers: 2)).Single();
        var gone = (await _harness.Subscribers.GetAsync(message.SubscriberKeys[0]))!;
        await _harness.Subscribers.PutAsync(gone with { Status = SubscriberStatus.Unsubscribed });

        var outcome = await _harness.Send.RunAsync(message);

        Assert.Equal(1, outcome.Sent);
        Assert.Equal(1, outcome.Skipped);
    }

    [Fact]
    public async Task RunAsync_PermanentRejection_IsParkedWithItsError()
    {
        var message = (await PrepareAsync(subscribers: 2)).Single();
        _sender.Reject = "550 mailbox unavailable";

        var outcome = await _harness.Send.RunAsync(message);

        Assert.Equal(2, outcome.Failed);
        var (parked, _) = await _harness.Store.ReadAsync(Containers.Digests, Containers.Parked(Day, message.BatchId), DigestJsonContext.Stored.ParkedBatch);
        Assert.Equal("550 mailbox unavailable", parked!.Failures.Values.First());
    }

    [Fact]
    public async Task RunAsync_TemplateBrokenAfterTheBuild_FailsBeforeClaimingAnyoneSoTheRetrySends()
    {
        var message = (await PrepareAsync(subscribers: 2)).Single();
        await _harness.Store.PutAsync(Containers.Templates, "digest.sbn-txt", BinaryData.FromString("{{ digest.titel }}"), new BlobWriteOptions());

        var error = await Assert.ThrowsAsync<Digest.Core.Digests.DigestTemplateException>(() => _harness.Send.RunAsync(message));
        await _harness.Store.DeleteAsync(Containers.Templates, "digest.sbn-txt");
        var retry = await _harness.Send.RunAsync(message);

        Assert.Contains("digest.sbn-txt(1,11)", error.Message); // the misspelled member
        Assert.Equal(2, retry.Sent);
        Assert.Equal(0, retry.InDoubt);
    }

    [Fact]
    public async Task RunAsync_CrashMidSend_InDoubtRecipientsAreNotSentAgain()
    {
        var message = (await PrepareAsync(subscribers: 2)).Single();
        var ledger = new LedgerStore(_harness.Store, Day, message.BatchId, _harness.Time);
        await ledger.ClaimAsync([message.SubscriberKeys[0]], CancellationToken.None); // a worker claimed, then died

        var outcome = await _harness.Send.RunAsync(message);

        Assert.Equal(1, outcome.Sent);
        Assert.Equal(1, outcome.InDoubt);
        Assert.DoesNotContain(_sender.Recipients, r => r.SubscriberKey == message.SubscriberKeys[0]);
    }

    [Fact]
    public async Task RunAsync_ProviderFailsMidBatch_AcceptedAreKeptAndTheRetrySendsOnlyTheRest()
    {
        var message = (await PrepareAsync(subscribers: 3)).Single();
        _sender.AcceptOnly = 1;

        await Assert.ThrowsAsync<DeliveryIncompleteException>(() => _harness.Send.RunAsync(message));
        var retry = await _harness.Send.RunAsync(message);

        Assert.Equal(2, retry.Sent);
        Assert.Equal(1, retry.AlreadySent);
        Assert.Equal(3, _sender.Recipients.Count);
        Assert.Equal(3, _sender.Recipients.Select(r => r.SubscriberKey).Distinct().Count());
    }

    [Fact]
    public async Task RunAsync_DigestMissing_ThrowsForRetry()
    {
        var message = new SendBatchMessage(Day, "digest-2025-09-02", "batch-00001", ["abc"]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _harness.Send.RunAsync(message));
    }

    private async Task<IReadOnlyList<SendBatchMessage>> PrepareAsync(int subscribers)
    {
        await _harness.AddArticleAsync(Day, "a1", "Headline", "Body.");
        await _harness.AddSubscribersAsync(subscribers);
        await _harness.Build.RunAsync(Day);
        return await _harness.DrainAsync();
    }

    private sealed class RecordingSender : IEmailSender
    {
        private readonly object _gate = new();

        public List<EmailRecipient> Recipients { get; } = [];

        public int FailNext { get; set; }

        public string? Reject { get; set; }

        /// <summary>Accept this many, then report the rest as not sent (retryable), once.</summary>
        public int? AcceptOnly { get; set; }

        public Task<IReadOnlyList<RecipientOutcome>> SendAsync(EmailBatch batch, CancellationToken cancellationToken = default)
        {
            lock (_gate)
            {
                if (FailNext-- > 0)
                {
                    throw new HttpRequestException("provider down");
                }

                if (AcceptOnly is { } n)
                {
                    AcceptOnly = null;
                    Recipients.AddRange(batch.Recipients.Take(n));
                    IReadOnlyList<RecipientOutcome> partial = batch.Recipients.Select((r, i) => i < n
                        ? new RecipientOutcome(r.SubscriberKey, true, "id", null)
                        : new RecipientOutcome(r.SubscriberKey, false, null, "not sent: connection lost", Retryable: true)).ToArray();
                    return Task.FromResult(partial);
                }

                if (Reject is null)
                {
                    Recipients.AddRange(batch.Recipients);
                }

                IReadOnlyList<RecipientOutcome> outcomes = batch.Recipients.Select(r => new RecipientOutcome(r.SubscriberKey, Reject is null, Reject is null ? "id" : null, Reject)).ToArray();
                return Task.FromResult(outcomes);
            }
        }
    }
}
