namespace Digest.Core;

/// <summary>Product settings, bound from the "Digest" configuration section.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>Name shown in the digest and the From header. Default "Daily Digest".</summary>
    public string Title { get; set; } = "Daily Digest";

    /// <summary>IANA time zone in which the digest day is computed. Default "UTC".</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Sender address. Default digest@example.com (set a real one in production).</summary>
    public string FromAddress { get; set; } = "digest@example.com";

    /// <summary>Public HTTPS base URL of the Functions app; unsubscribe links point to {base}/api/unsubscribe.</summary>
    public string PublicBaseUrl { get; set; } = "https://localhost:7071";

    /// <summary>HMAC key for unsubscribe tokens (base64 or text, at least 32 bytes). Secret: from configuration only.</summary>
    public string? UnsubscribeSigningKey { get; set; }

    /// <summary>Subscribers per send batch (SendGrid allows up to 1,000 personalizations per request). Default 1000.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Maximum size of one uploaded article in bytes. Default 10 MiB.</summary>
    public long MaxArticleBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Maximum stories in one digest. Default 30.</summary>
    public int MaxStories { get; set; } = 30;

    /// <summary>
    /// Whether a day without stories is still emailed ("No new stories today."). Default false: an empty day sends
    /// nothing, and the summaries say so.
    /// </summary>
    public bool SendEmptyDigest { get; set; }

    /// <summary>Resolves <see cref="TimeZone"/>.</summary>
    public TimeZoneInfo ResolveTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The digest day for an instant, in the configured zone.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ResolveTimeZone()).DateTime);
}
