namespace Digest.Cli.Dev;

/// <summary>What one pass of `digest dev` did.</summary>
internal sealed record DevCycleReport(int ArticlesParsed, int ArticlesQuarantined, int ArticlesSkipped, int DigestsBuilt, int BatchesSent, int EmailsSent, int BatchesPoisoned, int BatchFailures)
{
    public static DevCycleReport Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public static DevCycleReport operator +(DevCycleReport a, DevCycleReport b) => new(
        a.ArticlesParsed + b.ArticlesParsed,
        a.ArticlesQuarantined + b.ArticlesQuarantined,
        a.ArticlesSkipped + b.ArticlesSkipped,
        a.DigestsBuilt + b.DigestsBuilt,
        a.BatchesSent + b.BatchesSent,
        a.EmailsSent + b.EmailsSent,
        a.BatchesPoisoned + b.BatchesPoisoned,
        a.BatchFailures + b.BatchFailures);
}
