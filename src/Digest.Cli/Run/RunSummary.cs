using Digest.Core.Articles;
using Spectre.Console;

namespace Digest.Cli.Run;

/// <summary>The summary `digest run` prints: counts, rejected inputs with reasons, and where the output went.</summary>
internal static class RunSummary
{
    public static void Print(RunReport report)
    {
        var parsed = report.Parsed.Count(p => p.Kind is ParseOutcomeKind.Parsed or ParseOutcomeKind.AlreadyProcessed);
        var table = new Table().Border(TableBorder.Rounded).Title($"Digest for {report.Day:yyyy-MM-dd}")
            .AddColumn("what").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("articles parsed", parsed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("articles rejected", report.Rejected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("stories", report.Digest.Stories.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("  in full (Digest__FullStories)", report.Digest.StoriesInFull.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("  in brief (one-liners)", report.Digest.StoriesInBrief.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (report.Digest.StoriesOverCap > 0)
        {
            table.AddRow("stories over the cap (Digest__MaxStories), left out", report.Digest.StoriesOverCap.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        table.AddRow("merged stories (2+ sources)", report.Digest.MergedStories.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("subscribers imported", report.SubscribersImported.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("emails written", report.EmailsWritten.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (report.EmailsFailed > 0)
        {
            table.AddRow("[red]emails failed[/]", report.EmailsFailed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        if (report.Rejected.Count > 0)
        {
            var rejected = new Table().Border(TableBorder.Simple).Title("Rejected inputs").AddColumn("input").AddColumn("reason");
            foreach (var r in report.Rejected)
            {
                rejected.AddRow(Markup.Escape(r.Source), Markup.Escape(r.Reason));
            }

            AnsiConsole.Write(rejected);
        }

        var warnings = report.Parsed.SelectMany(p => p.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => $"{p.BlobName}: {d.Message}"))
            .Concat(report.SubscriberProblems.Select(p => "subscribers: " + p)).ToArray();
        foreach (var warning in warnings)
        {
            AnsiConsole.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }

        if (report.Digest.SkippedEmpty)
        {
            AnsiConsole.MarkupLine("No stories for this day: no email was sent (set Digest__SendEmptyDigest=true to send an empty digest).");
        }

        AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(Path.Combine(report.OutputFolder, "digest.html"))}[/], digest.txt, digest.json, rejected.json and {report.EmailsWritten} emails in outbox/.");
    }
}
