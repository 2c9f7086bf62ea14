namespace Digest.Core.Delivery;

/// <summary>One subscriber record (stored one blob per subscriber, named by <see cref="SubscriberKey"/>).</summary>
/// <param name="Email">Address (validated, trimmed; compared case-insensitively).</param>
/// <param name="Name">Display name, optional.</param>
/// <param name="Status">Only Active subscribers receive digests.</param>
/// <param name="CreatedAt">When first subscribed.</param>
/// <param name="UpdatedAt">Last status change.</param>
/// <param name="Topics">Optional topic filters (empty: everything).</param>
public sealed record Subscriber(
    string Email,
    string? Name,
    SubscriberStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string> Topics)
{
    /// <summary>Storage key: never the address itself, so blob names and logs carry no personal data.</summary>
    public string Key => SubscriberKey.For(Email);

    /// <summary>
    /// The open double opt-in confirmation: the random nonce its signed link carries (cleared when confirmed, so a
    /// link works once) and when it was sent (at most one confirmation per address per interval).
    /// </summary>
    public PendingConfirmation? Confirmation { get; init; }

    /// <summary>Soft bounces on consecutive days (provider events): suppressed as bounced after the configured number of days.</summary>
    public SoftBounceStreak? SoftBounces { get; init; }
}
