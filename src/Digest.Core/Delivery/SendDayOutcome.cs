namespace Digest.Core.Delivery;

/// <summary>What <see cref="SendDayJob"/> did for one day.</summary>
/// <param name="Day">Digest day.</param>
/// <param name="DigestId">Digest id.</param>
/// <param name="NewRecipients">Active subscribers in no batch of the day yet (added after the build), now planned.</param>
/// <param name="Pending">Planned active subscribers with no ledger entry, including the new ones: they will be sent.</param>
/// <param name="AlreadySent">Subscribers the ledger records as sent (not sent again).</param>
/// <param name="InDoubt">Subscribers left "in doubt" (claimed, lease expired, outcome unknown); released for resending only with retryInDoubt.</param>
/// <param name="Batches">Batch messages enqueued.</param>
public sealed record SendDayOutcome(DateOnly Day, string DigestId, int NewRecipients, int Pending, int AlreadySent, int InDoubt, int Batches)
{
    /// <summary>True when the day has no stories and Digest:SendEmptyDigest is false: nothing was planned or sent.</summary>
    public bool SkippedEmpty { get; init; }

    /// <summary>Subscribers claimed under a live lease: another process is sending them right now; never released.</summary>
    public int Sending { get; init; }
}
