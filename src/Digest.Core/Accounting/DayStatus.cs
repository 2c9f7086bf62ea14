namespace Digest.Core.Accounting;

/// <summary>
/// One day's accounting (what `digest status` shows): every upload parsed or quarantined, and every subscriber who was
/// active when the day's send plan was written in exactly one of sent, failed, parked, in doubt (or no longer active
/// when their batch ran). <see cref="Problems"/> lists what does not reconcile; empty means it does.
/// </summary>
public sealed record DayStatus
{
    public required DateOnly Day { get; init; }

    /// <summary>Uploads attributed to the day (by their receipt's day, else by upload time in the digest zone).</summary>
    public required UploadCounts Uploads { get; init; }

    /// <summary>Normalised articles under parsed/&lt;day&gt;/ (identical uploads share one article).</summary>
    public required int ParsedArticles { get; init; }

    /// <summary>The day's quarantined uploads grouped by reason code, largest group first.</summary>
    public required IReadOnlyList<QuarantineGroup> Quarantined { get; init; }

    /// <summary>The digest, when it has been built.</summary>
    public required DigestCounts? Digest { get; init; }

    /// <summary>Send batches: planned, enqueued, fully sent, parked.</summary>
    public required BatchCounts Batches { get; init; }

    /// <summary>Emails per subscriber in the send plan.</summary>
    public required EmailCounts Emails { get; init; }

    /// <summary>The day's deliverability: accepted, provider events, the complaint rate against the 0.1% / 0.3% lines.</summary>
    public required DeliverabilityCounts Deliverability { get; init; }

    /// <summary>Recipients whose provider call was in flight when a process stopped (lease expired): never resent automatically.</summary>
    public required IReadOnlyList<InDoubtRecipient> InDoubt { get; init; }

    /// <summary>What does not reconcile (empty when everything does).</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>Things worth knowing that are not inconsistencies (e.g. no digest built yet).</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    public bool Reconciles => Problems.Count == 0;
}

/// <param name="Total">Uploads attributed to the day.</param>
/// <param name="Parsed">Whose current version was parsed (and the article is stored).</param>
/// <param name="Quarantined">Whose current version was quarantined (and the reason is stored).</param>
/// <param name="Pending">Whose current version has no receipt yet (not processed, or the process died mid-parse).</param>
public sealed record UploadCounts(int Total, int Parsed, int Quarantined, int Pending);

/// <param name="Code">The first error diagnostic's code (e.g. "empty-input").</param>
/// <param name="Count">Uploads quarantined for it.</param>
/// <param name="Example">One reason message, for a person.</param>
public sealed record QuarantineGroup(string Code, int Count, string Example);

public sealed record DigestCounts(string Id, DateTimeOffset GeneratedAt, int Articles, int Stories);

/// <param name="Planned">Batches in the send plan.</param>
/// <param name="Enqueued">Whether the plan's batches were put on the queue (the day's enqueued marker).</param>
/// <param name="Sent">Batches with every recipient resolved (sent, failed, in doubt or no longer active).</param>
/// <param name="Parked">Batches with recipients parked for an operator.</param>
/// <param name="Pending">Batches with recipients not yet handled (queued, being retried, or not enqueued).</param>
/// <param name="Poisoned">Batches with recipients not yet handled that were moved to the poison queue (retries ran out).</param>
public sealed record BatchCounts(int Planned, bool Enqueued, int Sent, int Parked, int Pending, int Poisoned = 0);

/// <param name="Planned">Subscribers active when the send plan was written.</param>
/// <param name="Accepted">Accepted by the email provider.</param>
/// <param name="Failed">Rejected for good but not (yet) in a parked file.</param>
/// <param name="Parked">Rejected for good and parked with the provider's error.</param>
/// <param name="InDoubt">Claimed for sending by a process that stopped during the provider call (claim lease expired): possibly sent, never resent automatically.</param>
/// <param name="NoLongerActive">Unsubscribed (or bounced, or removed) between the plan and their batch: not sent, on purpose.</param>
/// <param name="Pending">Not handled yet (batch still queued, being retried, poisoned, or never enqueued).</param>
/// <param name="Sending">Claimed under a live lease: a sender is at it right now.</param>
public sealed record EmailCounts(int Planned, int Accepted, int Failed, int Parked, int InDoubt, int NoLongerActive, int Pending, int Sending = 0);

/// <param name="BatchId">The batch.</param>
/// <param name="SubscriberKey">Storage key (no personal data).</param>
/// <param name="MaskedEmail">j***@example.com, or *** when the record is gone.</param>
/// <param name="Since">When the claim was made.</param>
public sealed record InDoubtRecipient(string BatchId, string SubscriberKey, string MaskedEmail, DateTimeOffset Since);
