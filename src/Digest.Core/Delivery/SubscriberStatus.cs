namespace Digest.Core.Delivery;

/// <summary>Where a subscriber stands. Only <see cref="Active"/> receives digests.</summary>
public enum SubscriberStatus
{
    /// <summary>Receives digests.</summary>
    Active,

    /// <summary>Left (the unsubscribe link, the provider's unsubscribe, or an operator).</summary>
    Unsubscribed,

    /// <summary>Suppressed: a hard bounce, a drop for a bounced or invalid address, or soft bounces on consecutive days.</summary>
    Bounced,

    /// <summary>Asked to subscribe through the form and has not confirmed yet (double opt-in): receives nothing but the confirmation.</summary>
    Pending,

    /// <summary>Suppressed: marked a message as spam (a spam report).</summary>
    Complained,
}
