using Digest.Core.Digests;
using Digest.Core.Json;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Core.Delivery;

/// <summary>
/// Queue step: renders and sends one batch, keeping the delivery ledger so a retried or duplicated batch never emails
/// anyone twice. The batch goes to the provider in calls of <see cref="IEmailSender.RecipientsPerCall"/> recipients
/// (one for SMTP and the outbox, the whole batch for SendGrid). Before each call its recipients are claimed (Sending,
/// ETag-guarded so two workers cannot both claim someone, with this process as owner and a lease of
/// <see cref="DigestOptions.SendClaimLease"/>); after it they become Sent or Failed, in the same ledger write as the
/// next call's claim. If a call throws (nothing accepted), its claims are released and the exception propagates so the
/// queue retries. If the process dies during a call, that call's claims stay: "sending" while the lease lasts, then
/// "in doubt": not sent again automatically (never twice), listed by `digest status`, resent only by
/// `digest send --retry-in-doubt`. A stop (the cancellation token) is honoured between calls: the call in flight
/// finishes (within <see cref="StopGrace"/>), is recorded, and <see cref="DeliveryStoppedException"/> is thrown with
/// the rest unclaimed. Recipients rejected for good are parked in digests/&lt;day&gt;/parked/&lt;batch&gt;.json.
/// </summary>
public sealed partial class SendDigestJob(
    IBlobStore store,
    SubscriberDirectory subscribers,
    IEmailSender sender,
    DigestRenderer renderer,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<SendDigestJob> logger)
{
    /// <summary>How long the provider call in flight may still run after a stop was asked for; then it is cancelled (its recipients are in doubt).</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    public async Task<SendBatchOutcome> RunAsync(SendBatchMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var tokens = new UnsubscribeToken(settings.UnsubscribeSigningKey
            ?? throw new InvalidOperationException("Digest:UnsubscribeSigningKey is not configured: unsubscribe links cannot be signed."));
        var (digest, _) = await store.ReadAsync(Containers.Digests, Containers.DigestJson(message.Day), DigestJsonContext.Stored.DigestDocument, cancellationToken).ConfigureAwait(false);
        if (digest is null)
        {
            throw new InvalidOperationException($"Digest for {Containers.Day(message.Day)} does not exist yet; batch {message.BatchId} cannot be sent before it is built.");
        }

        var ledger = new LedgerStore(store, message.Day, message.BatchId, time);
        var current = await ledger.ReadAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var alreadySent = message.SubscriberKeys.Count(k => current.Ledger.Entries.TryGetValue(k, out var e) && e.State == DeliveryState.Sent);
        var inDoubt = message.SubscriberKeys.Count(k => current.Ledger.Entries.TryGetValue(k, out var e) && e.IsInDoubt(now));
        var sendingElsewhere = message.SubscriberKeys.Count(k => current.Ledger.Entries.TryGetValue(k, out var e) && e.IsLiveClaim(now));

        var recipients = new List<EmailRecipient>();
        var skipped = 0;
        foreach (var key in message.SubscriberKeys.Distinct(StringComparer.Ordinal).Where(k => !current.Ledger.Entries.ContainsKey(k)))
        {
            var subscriber = await subscribers.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (subscriber is not { Status: SubscriberStatus.Active })
            {
                skipped++;
                continue;
            }

            recipients.Add(Recipient(subscriber, UnsubscribeLinks.For(settings, tokens, key)));
        }

        if (inDoubt > 0)
        {
            LogInDoubt(logger, message.BatchId, inDoubt);
        }

        if (sendingElsewhere > 0)
        {
            LogSendingElsewhere(logger, message.BatchId, sendingElsewhere);
        }

        // Rendered before anyone is claimed: a broken template fails the batch (the queue retries) without leaving
        // recipients "in doubt".
        var templates = await DigestTemplates.LoadAsync(store, cancellationToken).ConfigureAwait(false);
        var rendered = renderer.Render(digest, templates);
        var content = new EmailContent(settings.FromAddress, settings.Title, rendered.Subject, rendered.Html, rendered.Text, ["digest"]);

        var owner = ClaimOwner.Current;
        var lease = settings.SendClaimLease;
        var perCall = Math.Max(1, sender.RecipientsPerCall > 0 ? Math.Min(sender.RecipientsPerCall, recipients.Count) : recipients.Count);
        var chunks = recipients.Chunk(perCall).ToArray();
        IReadOnlyList<RecipientOutcome> settle = [];
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        var (sent, taken) = (0, 0);
        try
        {
            foreach (var chunk in chunks)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    throw new DeliveryStoppedException(message.BatchId, sent, recipients.Count - taken, cancellationToken);
                }

                // Ledger writes never take the stop token: a write that lands after a cancelled wait would leave
                // claims nobody settles. Storage calls are bounded by the client's own timeouts.
                var claimed = await ledger.StepAsync(settle, [], chunk.Select(r => r.SubscriberKey).ToArray(), owner, lease, CancellationToken.None).ConfigureAwait(false);
                settle = [];
                taken += chunk.Length;
                var calling = chunk.Where(r => claimed.Contains(r.SubscriberKey)).ToArray();
                if (calling.Length == 0)
                {
                    continue;
                }

                var outcomes = await CallAsync(ledger, owner, new EmailBatch(digest.Id, message.BatchId, content, calling), cancellationToken).ConfigureAwait(false);
                var retry = outcomes.Where(o => o.Retryable && !o.Accepted).Select(o => o.SubscriberKey).ToHashSet(StringComparer.Ordinal);
                settle = outcomes.Where(o => !retry.Contains(o.SubscriberKey)).ToArray();
                sent += outcomes.Count(o => o.Accepted);
                foreach (var failure in settle.Where(o => !o.Accepted))
                {
                    failures[failure.SubscriberKey] = failure.Error ?? "rejected";
                }

                if (retry.Count > 0)
                {
                    // The accepted ones are recorded; release the rest and fail the invocation so the queue retries them.
                    await ledger.StepAsync(settle, retry, [], owner, lease, CancellationToken.None).ConfigureAwait(false);
                    settle = [];
                    throw new DeliveryIncompleteException(message.BatchId, sent, retry.Count + recipients.Count - taken, outcomes.First(o => retry.Contains(o.SubscriberKey)).Error);
                }
            }

            await ledger.StepAsync(settle, [], [], owner, lease, CancellationToken.None).ConfigureAwait(false);
            settle = [];
        }
        finally
        {
            if (settle.Count > 0)
            {
                // Stopped after a call: what it sent is recorded before the stop propagates.
                await ledger.StepAsync(settle, [], [], owner, lease, CancellationToken.None).ConfigureAwait(false);
            }

            if (failures.Count > 0)
            {
                await ParkAsync(message, failures).ConfigureAwait(false);
            }
        }

        if (recipients.Count == 0)
        {
            return new SendBatchOutcome(message.BatchId, 0, alreadySent, skipped, 0, inDoubt);
        }

        LogSent(logger, message.BatchId, sent, alreadySent, skipped, failures.Count);
        return new SendBatchOutcome(message.BatchId, sent, alreadySent, skipped, failures.Count, inDoubt);
    }

    /// <summary>
    /// One provider call. A stop lets it finish for <see cref="StopGrace"/>, then cancels it: its claims stay (the
    /// outcome is unknown, so they become in doubt). Any other failure means nothing of the call was accepted: its
    /// claims are released so a retry sends to them.
    /// </summary>
    private async Task<IReadOnlyList<RecipientOutcome>> CallAsync(LedgerStore ledger, string owner, EmailBatch call, CancellationToken stop)
    {
        using var grace = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var onStop = stop.Register(() => grace.CancelAfter(StopGrace));
        try
        {
            return await sender.SendAsync(call, grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (grace.IsCancellationRequested)
        {
            throw;
        }
        catch
        {
            await ledger.StepAsync([], call.Recipients.Select(r => r.SubscriberKey).ToArray(), [], owner, TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Adds this run's permanent failures to the batch's parked file (a batch stopped and resumed keeps both runs' failures).</summary>
    private async Task ParkAsync(SendBatchMessage message, Dictionary<string, string> failures)
    {
        var name = Containers.Parked(message.Day, message.BatchId);
        var (earlier, _) = await store.ReadAsync(Containers.Digests, name, DigestJsonContext.Stored.ParkedBatch, CancellationToken.None).ConfigureAwait(false);
        var all = new Dictionary<string, string>(earlier?.Failures ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, error) in failures)
        {
            all[key] = error;
        }

        await store.WriteAsync(Containers.Digests, name, new ParkedBatch(message.BatchId, all, time.GetUtcNow()), DigestJsonContext.Stored.ParkedBatch, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        LogParked(logger, message.BatchId, failures.Count, failures.Values.First());
    }

    private static EmailRecipient Recipient(Subscriber subscriber, string unsubscribeUrl)
    {
        var name = subscriber.Name ?? string.Empty;
        return new EmailRecipient(
            subscriber.Email,
            subscriber.Name,
            subscriber.Key,
            new Dictionary<string, string>
            {
                [EmailTags.UnsubscribeUrl] = unsubscribeUrl,
                [EmailTags.NameText] = name,
                [EmailTags.NameHtml] = System.Net.WebUtility.HtmlEncode(name),
            },
            new Dictionary<string, string>
            {
                // RFC 2369 and RFC 8058: one HTTPS URL, and the one-click POST marker.
                ["List-Unsubscribe"] = "<" + unsubscribeUrl + ">",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId}: {Sent} sent, {AlreadySent} already sent, {Skipped} no longer active, {Failed} failed")]
    private static partial void LogSent(ILogger logger, string batchId, int sent, int alreadySent, int skipped, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId}: {InDoubt} recipients were being sent when an earlier attempt stopped; not sending them again")]
    private static partial void LogInDoubt(ILogger logger, string batchId, int inDoubt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId}: {Sending} recipients are being sent by another process (live claim); not sending them")]
    private static partial void LogSendingElsewhere(ILogger logger, string batchId, int sending);

    [LoggerMessage(Level = LogLevel.Error, Message = "Batch {BatchId}: {Failed} recipients failed for good and were parked; first error: {Error}")]
    private static partial void LogParked(ILogger logger, string batchId, int failed, string error);
}
