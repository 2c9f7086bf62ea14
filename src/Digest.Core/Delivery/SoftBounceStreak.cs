namespace Digest.Core.Delivery;

/// <summary>A subscriber's run of days with soft bounces.</summary>
/// <param name="LastDay">The latest day (digest zone) with a soft bounce.</param>
/// <param name="Days">Consecutive days with soft bounces, up to <paramref name="LastDay"/>.</param>
public sealed record SoftBounceStreak(DateOnly LastDay, int Days);
