namespace Digest.Core.Accounting;

/// <summary>
/// One day's deliverability: the day's emails the provider accepted (from the delivery ledgers) and the provider
/// events recorded for the day (each counted once however often the provider sent it). The complaint rate is
/// complaints over delivered (over accepted while no delivery was reported), against the lines Gmail and Yahoo set
/// for bulk senders in February 2024: keep it under <see cref="ComplaintRateLimit"/> (0.3%), ideally under
/// <see cref="ComplaintRateRecommended"/> (0.1%).
/// </summary>
/// <param name="Accepted">Emails of the day's digest accepted by the provider.</param>
/// <param name="Delivered">Delivered events.</param>
/// <param name="Deferred">Deferred events (the provider retries).</param>
/// <param name="Bounced">Hard bounces and drops of bounced or invalid addresses.</param>
/// <param name="SoftBounced">Soft bounces (SendGrid's "blocked").</param>
/// <param name="Complaints">Spam reports.</param>
/// <param name="Unsubscribes">Unsubscribes through the provider.</param>
/// <param name="Dropped">Drops for other reasons.</param>
/// <param name="ComplaintRate">Complaints per delivered (or accepted) email, 0.001 = 0.1%; null when nothing was sent or delivered.</param>
/// <param name="ComplaintLevel">"ok" (at most 0.1%), "warning" (above 0.1%), "over" (above 0.3%), or "none" (no rate).</param>
public sealed record DeliverabilityCounts(
    int Accepted,
    int Delivered,
    int Deferred,
    int Bounced,
    int SoftBounced,
    int Complaints,
    int Unsubscribes,
    int Dropped,
    double? ComplaintRate,
    string ComplaintLevel)
{
    public const double ComplaintRateRecommended = 0.001;
    public const double ComplaintRateLimit = 0.003;

    /// <summary>The recommended line, for JSON readers.</summary>
    public double ComplaintRateRecommendedLine => ComplaintRateRecommended;

    /// <summary>The limit, for JSON readers.</summary>
    public double ComplaintRateLimitLine => ComplaintRateLimit;

    public static DeliverabilityCounts From(int accepted, IReadOnlyDictionary<string, int> events)
    {
        int Count(string kind) => events.GetValueOrDefault(kind);
        var delivered = Count("delivered");
        var complaints = Count("complained");
        var basis = delivered > 0 ? delivered : accepted;
        double? rate = basis > 0 ? (double)complaints / basis : null;
        var level = rate switch
        {
            null => "none",
            > ComplaintRateLimit => "over",
            > ComplaintRateRecommended => "warning",
            _ => "ok",
        };
        return new DeliverabilityCounts(accepted, delivered, Count("deferred"), Count("bounced"), Count("softbounced"), complaints, Count("unsubscribed"), Count("dropped"), rate, level);
    }
}
