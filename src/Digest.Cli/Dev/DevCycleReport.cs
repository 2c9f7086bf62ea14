using Digest.Core;

namespace Digest.Cli.Dev;

/// <summary>What one pass of `digest dev` did.</summary>
internal sealed record DevCycleReport(int ArticlesParsed, int ArticlesQuarantined, int ArticlesSkipped, int DigestsBuilt, int BatchesSent, int EmailsSent, int BatchesPoisoned, int BatchFailures)
{
    public static DevCycleReport Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Stories of the digests built that the email shows in full (Digest__FullStories).</summary>
    public int StoriesInFull { get; init; }

    /// <summary>Stories of the digests built that the email lists as one-liners ("In brief").</summary>
    public int StoriesInBrief { get; init; }

    /// <summary>Stories over Digest__MaxStories, left out of the digests built (the digest says how many).</summary>
    public int StoriesOverCap { get; init; }

    /// <summary>The day whose digest a build found already built (adopted, nothing composed), yyyy-MM-dd.</summary>
    public string? AlreadyBuilt { get; init; }

    /// <summary>Stories of the digest found already built.</summary>
    public int AlreadyBuiltStories { get; init; }
    /// <summary>Send-batches messages that were not batches (not JSON, wrong shape), parked in digests/parked/send-batches/.</summary>
    public int MessagesParked { get; init; }

    /// <summary>Batches of today still unsent and not on the queue when `--once` stopped waiting for them.</summary>
    public int BatchesWaiting { get; init; }

    public static DevCycleReport operator +(DevCycleReport a, DevCycleReport b) => new DevCycleReport(
        a.ArticlesParsed + b.ArticlesParsed,
        a.ArticlesQuarantined + b.ArticlesQuarantined,
        a.ArticlesSkipped + b.ArticlesSkipped,
        a.DigestsBuilt + b.DigestsBuilt,
        a.BatchesSent + b.BatchesSent,
        a.EmailsSent + b.EmailsSent,
        a.BatchesPoisoned + b.BatchesPoisoned,
        a.BatchFailures + b.BatchFailures)
    {
        StoriesInFull = a.StoriesInFull + b.StoriesInFull,
        StoriesInBrief = a.StoriesInBrief + b.StoriesInBrief,
        StoriesOverCap = a.StoriesOverCap + b.StoriesOverCap,
        AlreadyBuilt = b.AlreadyBuilt ?? a.AlreadyBuilt,
        AlreadyBuiltStories = b.AlreadyBuilt is null ? a.AlreadyBuiltStories : b.AlreadyBuiltStories,
        MessagesParked = a.MessagesParked + b.MessagesParked,
        BatchesWaiting = a.BatchesWaiting + b.BatchesWaiting,
    };

    /// <summary>"; 2026-12-02 was already built (3 stories): `digest build --day 2026-12-02 --rebuild` composes it again" when a build adopted a day.</summary>
    public string AlreadyBuiltText => AlreadyBuilt is null ? string.Empty
        : $"; {AlreadyBuilt} was already built ({Counted.Of(AlreadyBuiltStories, "story", "stories")}): `digest build --day {AlreadyBuilt} --rebuild` composes it again while no email of it was accepted";

    /// <summary>" · stories: 8 in full, 12 in brief (one-liners), 3 over the cap left out" when a digest was built.</summary>
    public string StoriesText => DigestsBuilt == 0 ? string.Empty
        : $" · stories: {StoriesInFull} in full, {StoriesInBrief} in brief (one-liners)" + (StoriesOverCap > 0 ? $", {StoriesOverCap} over the cap (Digest__MaxStories) left out" : string.Empty);
}
