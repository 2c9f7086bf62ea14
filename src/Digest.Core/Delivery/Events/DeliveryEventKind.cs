namespace Digest.Core.Delivery.Events;

/// <summary>What a provider event means for Digest (the provider's own names are mapped by its parser).</summary>
public enum DeliveryEventKind
{
    /// <summary>The receiving server accepted the message.</summary>
    Delivered,

    /// <summary>The receiving server deferred it for now (the provider retries): counted only.</summary>
    Deferred,

    /// <summary>A hard bounce, or a drop because the address bounced before or is invalid: the subscriber is suppressed.</summary>
    Bounced,

    /// <summary>A temporary rejection (SendGrid's "blocked" bounce): suppressed after soft bounces on consecutive days.</summary>
    SoftBounced,

    /// <summary>A spam report (or a drop because the address reported spam before): the subscriber is suppressed.</summary>
    Complained,

    /// <summary>The recipient unsubscribed through the provider (or a drop because they had): as the one-click link.</summary>
    Unsubscribed,

    /// <summary>Dropped for another reason: counted only.</summary>
    Dropped,

    /// <summary>An event Digest does not act on (processed, open, click...): neither recorded nor counted.</summary>
    Ignored,
}
