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
        await ledger.StepAsync([], [], [message.SubscriberKeys[0]], "dead-worker", TimeSpan.FromMinutes(1), CancellationToken.None); // a worker claimed, then died
        _harness.Time.Advance(TimeSpan.FromMinutes(2)); // and its lease expired

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

    [Fact]
    public async Task RunAsync_OneRecipientPerCall_OnlyTheMessageInFlightIsClaimedWithOwnerAndLease()
    {
        var message = (await PrepareAsync(subscribers: 3)).Single();
        _sender.RecipientsPerCall = 1;
        var during = new List<DeliveryLedger>();
        _sender.BeforeCall = async (_, _) => during.Add((await _harness.Store.ReadAsync(Containers.Digests, Containers.Delivery(Day, message.BatchId), DigestJsonContext.Stored.DeliveryLedger)).Value!);

        var outcome = await _harness.Send.RunAsync(message);

        Assert.Equal(3, outcome.Sent);
        Assert.Equal([1, 1, 1], _sender.CallSizes);
        for (var call = 0; call < 3; call++)
        {
            // Call N: the N earlier recipients are settled as sent, only this call's one is claimed.
            var entries = during[call].Entries;
            Assert.Equal(call, entries.Values.Count(e => e.State == DeliveryState.Sent));
            var claim = Assert.Single(entries.Values, e => e.State == DeliveryState.Sending);
            Assert.Equal(ClaimOwner.Current, claim.Owner);
            Assert.Equal(_harness.Time.GetUtcNow() + TimeSpan.FromMinutes(10), claim.LeaseUntil);
            Assert.True(claim.IsLiveClaim(_harness.Time.GetUtcNow()));
        }
    }

    [Fact]
    public async Task RunAsync_StopDuringACall_ThatCallIsRecordedAndTheRestStaysUnclaimedForTheNextRun()
    {
        var message = (await PrepareAsync(subscribers: 3)).Single();
        _sender.RecipientsPerCall = 1;
        using var stop = new CancellationTokenSource();
        _sender.BeforeCall = (_, _) =>
        {
            stop.Cancel(); // Ctrl+C / SIGTERM while the first message is with the provider
            return Task.CompletedTask;
        };

        var stopped = await Assert.ThrowsAsync<DeliveryStoppedException>(() => _harness.Send.RunAsync(message, stop.Token));
        var (ledger, _) = await _harness.Store.ReadAsync(Containers.Digests, Containers.Delivery(Day, message.BatchId), DigestJsonContext.Stored.DeliveryLedger);
        _sender.BeforeCall = null;
        var rerun = await _harness.Send.RunAsync(message);

        Assert.Equal((1, 2), (stopped.Sent, stopped.Remaining));
        Assert.Equal(DeliveryState.Sent, Assert.Single(ledger!.Entries.Values).State); // the message in flight finished and is recorded
        Assert.Equal((2, 1, 0), (rerun.Sent, rerun.AlreadySent, rerun.InDoubt));
        Assert.Equal(3, _sender.Recipients.Select(r => r.SubscriberKey).Distinct().Count());
        Assert.Equal(3, _sender.Recipients.Count);
    }

    [Fact]
    public async Task RunAsync_CallStillHangingAfterTheStopGrace_IsCancelledAndItsRecipientStaysClaimed()
    {
        var message = (await PrepareAsync(subscribers: 3)).Single();
        _sender.RecipientsPerCall = 1;
        using var stop = new CancellationTokenSource();
        var inCall = new TaskCompletionSource();
        _sender.BeforeCall = async (_, ct) =>
        {
            stop.Cancel();
            inCall.SetResult();
            await Task.Delay(Timeout.Infinite, ct); // the provider does not answer
        };

        var running = _harness.Send.RunAsync(message, stop.Token);
        await inCall.Task;
        _harness.Time.Advance(SendDigestJob.StopGrace);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        var (ledger, _) = await _harness.Store.ReadAsync(Containers.Digests, Containers.Delivery(Day, message.BatchId), DigestJsonContext.Stored.DeliveryLedger);
        Assert.Equal(DeliveryState.Sending, Assert.Single(ledger!.Entries.Values).State); // outcome unknown: in doubt once the lease expires
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

        public int RecipientsPerCall { get; set; }

        public List<int> CallSizes { get; } = [];

        /// <summary>Runs at the start of every call, outside the lock (e.g. to look at the ledger mid-send).</summary>
        public Func<EmailBatch, CancellationToken, Task>? BeforeCall { get; set; }

        public int FailNext { get; set; }

        public string? Reject { get; set; }

        /// <summary>Accept this many, then report the rest as not sent (retryable), once.</summary>
        public int? AcceptOnly { get; set; }

        public async Task<IReadOnlyList<RecipientOutcome>> SendAsync(EmailBatch batch, CancellationToken cancellationToken = default)
        {
            if (BeforeCall is { } before)
            {
                await before(batch, cancellationToken);
            }

            return Send(batch);
        }

        private IReadOnlyList<RecipientOutcome> Send(EmailBatch batch)
        {
            lock (_gate)
            {
                CallSizes.Add(batch.Recipients.Count);
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
                    return partial;
                }

                if (Reject is null)
                {
                    Recipients.AddRange(batch.Recipients);
                }

                return batch.Recipients.Select(r => new RecipientOutcome(r.SubscriberKey, Reject is null, Reject is null ? "id" : null, Reject)).ToArray();
            }
        }
    }
}
