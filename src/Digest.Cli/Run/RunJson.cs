using System.Text.Json;
using Digest.Core.Articles;

namespace Digest.Cli.Run;

/// <summary>`digest run --json`: the summary as one JSON object on stdout, for scripts.</summary>
internal static class RunJson
{
    public static string Format(RunReport report) => JsonSerializer.Serialize(new SortedDictionary<string, object>
    {
        ["day"] = report.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["articlesParsed"] = report.Parsed.Count(p => p.Kind is ParseOutcomeKind.Parsed or ParseOutcomeKind.AlreadyProcessed),
        ["articlesRejected"] = report.Rejected.Count,
        ["stories"] = report.Digest.Stories,
        ["mergedStories"] = report.Digest.MergedStories,
        ["storiesInFull"] = report.Digest.StoriesInFull,
        ["storiesInBrief"] = report.Digest.StoriesInBrief,
        ["storiesOverCap"] = report.Digest.StoriesOverCap,
        ["emptyDaySkipped"] = report.Digest.SkippedEmpty,
        ["subscribersImported"] = report.SubscribersImported,
        ["emailsWritten"] = report.EmailsWritten,
        ["emailsFailed"] = report.EmailsFailed,
        ["output"] = report.OutputFolder,
    });
}
