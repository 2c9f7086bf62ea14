namespace Digest.Core.Storage;

/// <summary>The one place that names containers, queues and blob paths.</summary>
public static class Containers
{
    /// <summary>Editor uploads.</summary>
    public const string Articles = "articles";

    /// <summary>Normalised articles: parsed/&lt;day&gt;/&lt;id&gt;.json.</summary>
    public const string Parsed = "parsed";

    /// <summary>Rejected inputs: quarantine/&lt;name&gt; (original bytes) and quarantine/&lt;name&gt;.reason.json.</summary>
    public const string Quarantine = "quarantine";

    /// <summary>Composed digests and delivery ledgers: digests/&lt;day&gt;/...</summary>
    public const string Digests = "digests";

    /// <summary>Subscriber records: subscribers/&lt;key&gt;.json.</summary>
    public const string Subscribers = "subscribers";

    /// <summary>Optional template overrides.</summary>
    public const string Templates = "templates";

    /// <summary>Processing receipts (blob name + ETag handled), stories index.</summary>
    public const string State = "state";

    /// <summary>Queue of subscriber batches to send.</summary>
    public const string SendBatchesQueue = "send-batches";

    /// <summary>Where send batches go after too many failed attempts.</summary>
    public const string SendBatchesPoisonQueue = "send-batches-poison";

    /// <summary>The stories index (recent stories, so a later day's article can continue one): state/stories/index.json.</summary>
    public const string StoryIndex = "stories/index.json";

    /// <summary>The store's own unsubscribe signing key for local runs without Digest__UnsubscribeSigningKey: state/keys/unsubscribe-signing-key.</summary>
    public const string UnsubscribeSigningKey = "keys/unsubscribe-signing-key";

    /// <summary>One client's subscribe requests in one UTC hour: state/subscribe-clients/&lt;yyyy-MM-ddTHH&gt;/&lt;client hash&gt;.</summary>
    public static string SubscribeClient(string hour, string clientHash) => $"subscribe-clients/{hour}/{clientHash}";

    /// <summary>Where one day's provider events are recorded: state/delivery-events/&lt;day&gt;/.</summary>
    public static string DeliveryEvents(DateOnly day) => $"delivery-events/{Day(day)}/";

    /// <summary>One provider event, recorded once: state/delivery-events/&lt;day&gt;/&lt;kind&gt;/&lt;event hash&gt;.</summary>
    public static string DeliveryEvent(DateOnly day, string kind, string eventHash) => $"{DeliveryEvents(day)}{kind}/{eventHash}";

    public static IReadOnlyList<string> All { get; } = [Articles, Parsed, Quarantine, Digests, Subscribers, Templates, State];

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string ParsedArticle(DateOnly day, string articleId) => $"{Day(day)}/{articleId}.json";

    public static string DigestJson(DateOnly day) => $"{Day(day)}/digest.json";

    public static string DigestHtml(DateOnly day) => $"{Day(day)}/digest.html";

    public static string DigestText(DateOnly day) => $"{Day(day)}/digest.txt";

    /// <summary>The day's web-archive page (no subscriber data): digests/&lt;day&gt;/index.html.</summary>
    public static string DigestPage(DateOnly day) => $"{Day(day)}/index.html";

    /// <summary>The web archive's index of past digests: digests/index.html.</summary>
    public const string ArchiveIndex = "index.html";

    public static string Delivery(DateOnly day, string batchId) => $"{Day(day)}/deliveries/{batchId}.json";

    /// <summary>The day's send plan: which subscribers go in which batch (written once, so racing builders agree).</summary>
    public static string SendPlan(DateOnly day) => $"{Day(day)}/send-plan.json";

    /// <summary>Where `digest send` puts the plans for subscribers who joined after the build: digests/&lt;day&gt;/send-plans/.</summary>
    public static string AddedSendPlans(DateOnly day) => $"{Day(day)}/send-plans/";

    /// <summary>One added plan: digests/&lt;day&gt;/send-plans/&lt;id&gt;.json.</summary>
    public static string AddedSendPlan(DateOnly day, string planId) => $"{AddedSendPlans(day)}{planId}.json";

    /// <summary>Marker written once every batch of the day has been enqueued.</summary>
    public static string Enqueued(DateOnly day) => $"{Day(day)}/enqueued.json";

    /// <summary>A batch that failed for good, with why: where an operator looks.</summary>
    public static string Parked(DateOnly day, string batchId) => $"{Day(day)}/parked/{batchId}.json";

    /// <summary>Marker of a batch moved to the poison queue (its retries ran out), until `digest send` enqueues it again.</summary>
    public static string Poisoned(DateOnly day, string batchId) => $"{Day(day)}/poisoned/{batchId}.json";

    /// <summary>A queue message no host could use, kept with why: digests/parked/&lt;queue&gt;/&lt;day&gt;/&lt;message id&gt;.json.</summary>
    public static string ParkedMessage(string queue, DateOnly day, string messageId) => $"parked/{queue}/{Day(day)}/{messageId}.json";

    /// <summary>
    /// Names longer than this (in UTF-8 bytes) are quarantined under ~long-names/&lt;hash&gt;: the reason's and an earlier
    /// version's suffixes (".reason.json", "~&lt;version&gt;") must still fit a 255-byte file name and Azure's 1,024.
    /// </summary>
    public const int MaxQuarantinedNameBytes = 230;

    /// <summary>
    /// Where the copy of a rejected upload goes: quarantine/&lt;name&gt;; a name no store accepts (a ".." segment, which
    /// any Azure client can create) goes under ~invalid-names/&lt;hash&gt;, and a name too long to take the reason's suffix
    /// (<see cref="MaxQuarantinedNameBytes"/>) under ~long-names/&lt;hash&gt;, so it can still be quarantined. The reason
    /// records the original name either way.
    /// </summary>
    public static string QuarantineCopy(string blobName) =>
        !BlobNames.IsValid(blobName) ? $"~invalid-names/{NameHash(blobName)}"
        : System.Text.Encoding.UTF8.GetByteCount(blobName) > MaxQuarantinedNameBytes ? $"~long-names/{NameHash(blobName)}"
        : blobName;

    /// <summary>How every quarantine reason's name ends.</summary>
    public const string QuarantineReasonSuffix = ".reason.json";

    public static string QuarantineReason(string blobName) => QuarantineCopy(blobName) + QuarantineReasonSuffix;

    /// <summary>
    /// An earlier rejected version of an upload, kept when a later version replaces it in quarantine/&lt;name&gt;
    /// (the quarantine keeps every original): quarantine/&lt;name&gt;~&lt;version&gt;.
    /// </summary>
    public static string QuarantineEarlier(string blobName, string version) => $"{QuarantineCopy(blobName)}~{NameHash(version)[..12]}";

    internal static string NameHash(string value) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)))[..32];
}
