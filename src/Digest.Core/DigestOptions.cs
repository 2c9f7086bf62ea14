using Microsoft.Extensions.Options;

namespace Digest.Core;

/// <summary>
/// Product settings, bound from the "Digest" configuration section. Each rule is written once, as an attribute here,
/// and checked by the source-generated <see cref="DigestOptionsValidator"/> (every host validates on start; the CLI
/// maps a failure to the environment-variable name and an example).
/// </summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>Name shown in the digest and the From header. Default "Daily Digest".</summary>
    public string Title { get; set; } = "Daily Digest";

    /// <summary>IANA time zone in which the digest day is computed. Default "UTC".</summary>
    [TimeZoneId]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Sender address. Default digest@example.com (set a real one in production).</summary>
    [Mailbox]
    public string FromAddress { get; set; } = "digest@example.com";

    /// <summary>
    /// Public HTTPS base URL of the Functions app; unsubscribe links point to {base}/api/unsubscribe and "view in
    /// browser" to the web archive, {base}/digests/&lt;day&gt;/index.html (index of past digests: {base}/digests/index.html).
    /// Default: http://localhost:7071, where the local Functions host and `digest dev` serve both (http on loopback only).
    /// </summary>
    [PublicUrl]
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>HMAC key for unsubscribe tokens (base64 or text; <see cref="SigningKeyAttribute"/>). Secret: from configuration only.</summary>
    [SigningKey]
    public string? UnsubscribeSigningKey { get; set; }

    /// <summary>Subscribers per send batch (SendGrid allows up to 1,000 personalizations per request). Default 1000.</summary>
    [WholeNumber(1, 1000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>
    /// How long a host's claim on an upload it is parsing holds (Digest__ParseClaimTimeout). Default 2 minutes: far
    /// above a parse (the parse backstop is 60 s); after it, another host takes over an upload whose parser died.
    /// </summary>
    [Duration("00:00:05", "1.00:00:00")]
    public TimeSpan ParseClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Maximum size of one uploaded article in bytes. Default 10 MiB.</summary>
    [WholeNumber(1)]
    public long MaxArticleBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Upper bound on the stories one digest lists. Default 150. Every story up to it is listed (the first
    /// <see cref="FullStories"/> in full, the rest one line each); a day with more says how many it left out instead
    /// of dropping them silently. The bound keeps the HTML part under Gmail's 102 KB clipping limit.
    /// </summary>
    [WholeNumber(1, 500)]
    public int MaxStories { get; set; } = 150;

    /// <summary>
    /// Articles published more than this many days before the digest day (0..3650) are left out of its stories, each
    /// listed with the reason in the digest (<see cref="Digests.DigestDocument.Stale"/>, run's rejected.json, status).
    /// Default 3. Articles without a publication date are kept.
    /// </summary>
    [WholeNumber(0, 3650)]
    public int MaxArticleAgeDays { get; set; } = 3;

    /// <summary>Stories given the full treatment (summary, sources, additions) in the email. Default 8.</summary>
    [WholeNumber(0, 50)]
    public int FullStories { get; set; } = 8;

    /// <summary>
    /// Sender's postal address, printed in every email's footer (CAN-SPAM). Required when Email:Provider is Smtp or
    /// SendGrid; the file outbox and tests may leave it empty.
    /// </summary>
    public string PostalAddress { get; set; } = string.Empty;

    /// <summary>
    /// Whether a day without stories is still emailed ("No new stories today."). Default false: an empty day sends
    /// nothing, and the summaries say so.
    /// </summary>
    public bool SendEmptyDigest { get; set; }

    /// <summary>
    /// How long a delivery claim (a recipient marked Sending before the provider call) stays "sending"; after it, a
    /// claim still not settled is "in doubt" (its sender stopped during the call) and `digest send --retry-in-doubt`
    /// may resend it. Must be longer than one provider call takes. Default 10 minutes (setting Digest__SendClaimLease).
    /// </summary>
    [Duration("00:00:01", "1.00:00:00")]
    public TimeSpan SendClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Resolves <see cref="TimeZone"/>.</summary>
    public TimeZoneInfo ResolveTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The digest day for an instant, in the configured zone.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ResolveTimeZone()).DateTime);
}

/// <summary>Validates <see cref="DigestOptions"/> by its attributes (source-generated, no reflection).</summary>
[OptionsValidator]
public sealed partial class DigestOptionsValidator : IValidateOptions<DigestOptions>;
