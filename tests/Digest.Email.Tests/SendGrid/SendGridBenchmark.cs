using System.Diagnostics;
using System.Text;
using Digest.Core.Delivery;
using Xunit.Abstractions;

namespace Digest.Email.Tests.SendGrid;

/// <summary>
/// Throughput of the SendGrid path against the in-process fake (real HTTP over loopback), and the per-recipient
/// local render rate (what SMTP and the outbox do per message). Prints figures; asserts only correctness and the
/// request count (&lt;= 100 for 100k), never speed.
/// Run: dotnet test tests/Digest.Email.Tests --filter Category=Benchmark --logger "console;verbosity=detailed"
/// (DIGEST_BENCH_RECIPIENTS overrides the 100,000 recipients).
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class SendGridBenchmark(ITestOutputHelper output)
{
    [Fact]
    public async Task Send_100kSubscribers_ThroughFakeSendGrid()
    {
        var total = int.TryParse(Environment.GetEnvironmentVariable("DIGEST_BENCH_RECIPIENTS"), out var n) ? n : 100_000;
        await using var server = await FakeSendGridServer.StartAsync();
        server.KeepAcceptedBodies = false;
        var sender = SendGridTestSetup.Sender(server);
        var content = DigestLikeContent();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var accepted = 0;
        for (var start = 0; start < total; start += 1000)
        {
            var recipients = Enumerable.Range(start, Math.Min(1000, total - start)).Select(i => TestBatches.Recipient($"reader{i:D7}@bench.example.com", $"Reader {i}")).ToList();
            var outcomes = await sender.SendAsync(new EmailBatch("2025-09-02", $"b-{start / 1000:D4}", content, recipients));
            accepted += outcomes.Count(o => o.Accepted);
        }

        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.Equal(total, accepted);
        Assert.Equal(total, server.Ledger.Count);
        Assert.All(server.Ledger.Values, c => Assert.Equal(1, c));
        Assert.True(server.Requests <= (total + 999) / 1000, $"{server.Requests} requests");

        var render = MeasureRender(content, Math.Min(total, 20_000));
        output.WriteLine($"recipients: {total:N0}; requests: {server.Requests}; elapsed: {clock.Elapsed.TotalSeconds:F2} s; "
            + $"recipients/s: {total / clock.Elapsed.TotalSeconds:N0}");
        output.WriteLine($"allocated: {allocated / 1048576.0:N0} MiB ({allocated / (double)total:N0} B/recipient); "
            + $"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB (whole test process, fake server included)");
        output.WriteLine($"local render (EmailTags.Apply on {Encoding.UTF8.GetByteCount(content.Html) / 1024} KiB HTML + {Encoding.UTF8.GetByteCount(content.Text) / 1024} KiB text): {render:N0} recipients/s");
    }

    private static double MeasureRender(EmailContent content, int count)
    {
        var recipients = Enumerable.Range(0, count).Select(i => TestBatches.Recipient($"r{i}@bench.example.com", $"Reader {i}")).ToList();
        var clock = Stopwatch.StartNew();
        long chars = 0;
        foreach (var r in recipients)
        {
            chars += EmailTags.Apply(content.Html, r.Substitutions).Length + EmailTags.Apply(content.Text, r.Substitutions).Length;
        }

        clock.Stop();
        Assert.True(chars > 0);
        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>About the size of a 30-story digest: ~40 KiB HTML, ~12 KiB text, tags at the top and bottom.</summary>
    private static EmailContent DigestLikeContent()
    {
        var html = new StringBuilder($"<html><body><p>Hello {EmailTags.NameHtml},</p>");
        var text = new StringBuilder($"Hello {EmailTags.NameText},\n\n");
        for (var i = 0; i < 30; i++)
        {
            html.Append($"<h2>Story {i}: a headline of ordinary length</h2><p>{new string('s', 1100)}</p><ul><li><a href=\"https://news.example.com/{i}\">Source</a></li></ul>");
            text.Append($"Story {i}: a headline of ordinary length\n{new string('s', 320)}\nhttps://news.example.com/{i}\n\n");
        }

        html.Append($"<p><a href=\"{EmailTags.UnsubscribeUrl}\">Unsubscribe</a></p></body></html>");
        text.Append($"Unsubscribe: {EmailTags.UnsubscribeUrl}\n");
        return TestBatches.Content("Daily Digest — benchmark") with { Html = html.ToString(), Text = text.ToString() };
    }
}
