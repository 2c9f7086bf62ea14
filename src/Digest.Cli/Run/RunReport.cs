using Digest.Core.Articles;
using Digest.Core.Digests;

namespace Digest.Cli.Run;

/// <summary>What `digest run` did.</summary>
internal sealed record RunReport(
    DateOnly Day,
    IReadOnlyList<ParseOutcome> Parsed,
    IReadOnlyList<Rejection> Rejected,
    BuildDigestOutcome Digest,
    int EmailsWritten,
    int EmailsFailed,
    int SubscribersImported,
    IReadOnlyList<string> SubscriberProblems,
    string OutputFolder);
