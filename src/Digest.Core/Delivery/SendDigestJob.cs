using Digest.Core.Digests;
using Digest.Core.Json;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Core.Delivery;

/// <summary>
/// Queue step: renders and sends one batch, keeping the delivery ledger so a retried or duplicated batch never emails
/// anyone twice. Before the provider call the pending recipients are marked Sending (ETag-guarded, so two workers on
/// the same batch cannot both claim someone); after it they become Sent or Failed. If the provider call throws
/// (nothing accepted), the claims are released and the exception propagates so the queue retries. If the process dies
/// mid-call, the claims stay: those recipients are "in doubt" and are not sent again (never twice), and are visible in
/// the ledger. Recipients rejected for good are parked in digests/&lt;day&gt;/parked/&lt;batch&gt;.json.
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
    public async Task<SendBatchOutcome> RunAsync(SendBatchMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var tokens = new UnsubscribeToken(settings.UnsubscribeSigningKey
            ?? throw new InvalidOperationException("Digest:UnsubscribeSigningKey is not configured: unsubscribe links cannot be signed."));
        var (digest, _) = await store.ReadAsync(Containers.Digests, Containers.DigestJson(message.Day), DigestJsonContext.Stored.DigestDocument, cancellationToken).ConfigureAwait(false);
        if (digest is null)
        {
            throw new InvalidOperationException($"Digest for {Containers.Day(message.Day)} does not exist yet; batch {message.BatchId} will be retried.");
        }

        var ledger = new LedgerStore(store, message.Day, message.BatchId, time);
        var current = await ledger.ReadAsync(cancellationToken).ConfigureAwait(false);
        var alreadySent = message.SubscriberKeys.Count(k => current.Ledger.Entries.TryGetValue(k, out var e) && e.State == DeliveryState.Sent);
        var inDoubt = message.SubscriberKeys.Count(k => current.Ledger.Entries.TryGetValue(k, out var e) && e.State == DeliveryState.Sending);

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

        // Rendered before anyone is claimed: a broken template fails the batch (the queue retries) without leaving
        // recipients "in doubt".
        var templates = await DigestTemplates.LoadAsync(store, cancellationToken).ConfigureAwait(false);
        var rendered = renderer.Render(digest, templates);

        var claimed = await ledger.ClaimAsync(recipients.Select(r => r.SubscriberKey).ToArray(), cancellationToken).ConfigureAwait(false);
        recipients.RemoveAll(r => !claimed.Contains(r.SubscriberKey));
        if (recipients.Count == 0)
        {
            return new SendBatchOutcome(message.BatchId, 0, alreadySent, skipped, 0, inDoubt);
        }

        var content = new EmailContent(settings.FromAddress, settings.Title, rendered.Subject, rendered.Html, rendered.Text, ["digest"]);
        IReadOnlyList<RecipientOutcome> outcomes;
        try
        {
            outcomes = await sender.SendAsync(new EmailBatch(digest.Id, message.BatchId, content, recipients), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Nothing was accepted: release the claims so the retry sends to them.
            await ledger.ReleaseAsync(claimed, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var retry = outcomes.Where(o => o.Retryable && !o.Accepted).Select(o => o.SubscriberKey).ToHashSet(StringComparer.Ordinal);
        await ledger.RecordAsync(outcomes.Where(o => !retry.Contains(o.SubscriberKey)).ToArray(), cancellationToken).ConfigureAwait(false);
        if (retry.Count > 0)
        {
            // The accepted ones are recorded; release the rest and fail the invocation so the queue retries them.
            await ledger.ReleaseAsync(retry, CancellationToken.None).ConfigureAwait(false);
            throw new DeliveryIncompleteException(message.BatchId, outcomes.Count(o => o.Accepted), retry.Count, outcomes.First(o => retry.Contains(o.SubscriberKey)).Error);
        }

        var failures = outcomes.Where(o => !o.Accepted).ToDictionary(o => o.SubscriberKey, o => o.Error ?? "rejected", StringComparer.Ordinal);
        if (failures.Count > 0)
        {
            await store.WriteAsync(Containers.Digests, Containers.Parked(message.Day, message.BatchId), new ParkedBatch(message.BatchId, failures, time.GetUtcNow()), DigestJsonContext.Stored.ParkedBatch, cancellationToken: cancellationToken).ConfigureAwait(false);
            LogParked(logger, message.BatchId, failures.Count, failures.Values.First());
        }

        var sent = outcomes.Count(o => o.Accepted);
        LogSent(logger, message.BatchId, sent, alreadySent, skipped, failures.Count);
        return new SendBatchOutcome(message.BatchId, sent, alreadySent, skipped, failures.Count, inDoubt);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Batch {BatchId}: {Failed} recipients failed for good and were parked; first error: {Error}")]
    private static partial void LogParked(ILogger logger, string batchId, int failed, string error);
}
