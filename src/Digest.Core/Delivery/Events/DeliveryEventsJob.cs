using Digest.Core.Delivery.Subscribing;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Core.Delivery.Events;

/// <summary>
/// Applies a batch of provider events, idempotently. Each event is recorded once, create-only, at
/// state/delivery-events/&lt;day&gt;/&lt;kind&gt;/&lt;identity&gt; (<see cref="DeliveryEvent.Identity"/>: providers
/// send duplicates and change their event id between retries), and the per-day counts of `digest status` are those
/// records. An event already recorded changes nothing. A new one is acted on first and recorded after, so a crash in
/// between is retried (the provider retries on 5xx) and the action, which is idempotent, is not lost.
/// Bounces, complaints and unsubscribes change the subscriber's status (ETag-guarded); soft bounces on
/// <see cref="SubscribersOptions.SoftBounceDays"/> consecutive days suppress as bounced; a delivery ends a streak.
/// Storage failures propagate.
/// </summary>
public sealed partial class DeliveryEventsJob(
    IBlobStore store,
    SubscriberDirectory directory,
    IOptions<DigestOptions> options,
    IOptions<SubscribersOptions> subscribersOptions,
    ILogger<DeliveryEventsJob> logger)
{
    private const int MaxAttempts = 8;

    public async Task<DeliveryEventsOutcome> RunAsync(IReadOnlyList<DeliveryEvent> events, CancellationToken cancellationToken = default)
    {
        int recorded = 0, duplicates = 0, ignored = 0, suppressed = 0;
        foreach (var e in events)
        {
            if (e.Kind == DeliveryEventKind.Ignored)
            {
                ignored++;
                continue;
            }

            var name = Containers.DeliveryEvent(options.Value.DayOf(e.Timestamp), KindName(e.Kind), e.Identity);
            if (await store.GetPropertiesAsync(Containers.State, name, cancellationToken).ConfigureAwait(false) is not null)
            {
                duplicates++;
                continue;
            }

            if (await ApplyAsync(e, cancellationToken).ConfigureAwait(false))
            {
                suppressed++;
            }

            var write = await store.PutAsync(Containers.State, name, BinaryData.FromString(e.Event), BlobWriteOptions.CreateOnly("text/plain"), cancellationToken).ConfigureAwait(false);
            if (write.Written)
            {
                recorded++;
            }
            else
            {
                duplicates++; // a concurrent delivery of the same event recorded it first
            }
        }

        LogBatch(logger, events.Count, recorded, duplicates, ignored, suppressed);
        return new DeliveryEventsOutcome(recorded, duplicates, ignored, suppressed);
    }

    /// <summary>The kind's folder name in the records (and its name in `digest status`).</summary>
    public static string KindName(DeliveryEventKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Acts on one event; true when the subscriber's status changed.</summary>
    private async Task<bool> ApplyAsync(DeliveryEvent e, CancellationToken cancellationToken)
    {
        if (e.Kind is DeliveryEventKind.Deferred or DeliveryEventKind.Dropped)
        {
            return false;
        }

        var key = await ResolveKeyAsync(e, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (subscriber, etag) = await directory.ReadAsync(key, cancellationToken).ConfigureAwait(false);
            if (subscriber is null || etag is null)
            {
                return false;
            }

            var next = Next(subscriber, e);
            if (next is null)
            {
                return false;
            }

            if (await directory.TryPutAsync(next, etag, cancellationToken).ConfigureAwait(false))
            {
                if (next.Status != subscriber.Status)
                {
                    LogStatus(logger, key, SubscriberFieldsFormat(subscriber.Status), SubscriberFieldsFormat(next.Status), e.Event);
                    return true;
                }

                return false;
            }
        }

        throw new InvalidOperationException($"The record of subscriber {key} kept changing while an event was applied; the provider will retry.");
    }

    /// <summary>The record after the event, or null when the event changes nothing.</summary>
    private Subscriber? Next(Subscriber subscriber, DeliveryEvent e)
    {
        var at = e.Timestamp;
        switch (e.Kind)
        {
            case DeliveryEventKind.Delivered:
                return subscriber.SoftBounces is { } s && options.Value.DayOf(at) >= s.LastDay ? subscriber with { SoftBounces = null } : null;

            case DeliveryEventKind.SoftBounced:
                var day = options.Value.DayOf(at);
                var streak = subscriber.SoftBounces switch
                {
                    { } last when last.LastDay >= day => null, // that day is counted already (or the event is older)
                    { } last when last.LastDay == day.AddDays(-1) => new SoftBounceStreak(day, last.Days + 1),
                    _ => new SoftBounceStreak(day, 1),
                };
                if (streak is null)
                {
                    return null;
                }

                var suppress = streak.Days >= subscribersOptions.Value.SoftBounceDays && Suppressible(subscriber, SubscriberStatus.Bounced, at);
                return subscriber with { SoftBounces = streak, Status = suppress ? SubscriberStatus.Bounced : subscriber.Status, UpdatedAt = suppress ? at : subscriber.UpdatedAt };

            default:
                var status = e.Kind switch
                {
                    DeliveryEventKind.Bounced => SubscriberStatus.Bounced,
                    DeliveryEventKind.Complained => SubscriberStatus.Complained,
                    _ => SubscriberStatus.Unsubscribed,
                };
                return Suppressible(subscriber, status, at) ? subscriber with { Status = status, UpdatedAt = at, Confirmation = null } : null;
        }
    }

    /// <summary>
    /// Whether the event may move the subscriber to <paramref name="target"/>: active and pending subscribers may be
    /// suppressed, and a withdrawal may become a stronger one (unsubscribed, then bounced, then complained). An event
    /// older than an active subscriber's last change (they confirmed again since) is stale and changes nothing.
    /// </summary>
    private static bool Suppressible(Subscriber subscriber, SubscriberStatus target, DateTimeOffset at)
    {
        static int Rank(SubscriberStatus s) => s switch { SubscriberStatus.Complained => 3, SubscriberStatus.Bounced => 2, SubscriberStatus.Unsubscribed => 1, _ => 0 };
        if (subscriber.Status == SubscriberStatus.Active && at < subscriber.UpdatedAt)
        {
            return false;
        }

        return Rank(target) > Rank(subscriber.Status);
    }

    /// <summary>The subscriber key Digest sent (when its record names this recipient), else the recipient's own key.</summary>
    private async Task<string> ResolveKeyAsync(DeliveryEvent e, CancellationToken cancellationToken)
    {
        var own = SubscriberKey.For(e.Email);
        if (e.SubscriberKey is { } sent && sent != own && await directory.GetAsync(sent, cancellationToken).ConfigureAwait(false) is { } named
            && string.Equals(named.Email, e.Email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return sent;
        }

        return own;
    }

    private static string SubscriberFieldsFormat(SubscriberStatus status) => Subscribers.SubscriberFields.Format(status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery events: {Events} received, {Recorded} recorded, {Duplicates} duplicates, {Ignored} ignored, {Suppressed} subscribers changed")]
    private static partial void LogBatch(ILogger logger, int events, int recorded, int duplicates, int ignored, int suppressed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberKey}: {From} -> {To} ({Event})")]
    private static partial void LogStatus(ILogger logger, string subscriberKey, string from, string to, string @event);
}
