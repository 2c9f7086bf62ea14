using Digest.Core.Delivery;
using Digest.Core.Delivery.Subscribers;

namespace Digest.Core.Tests.Delivery.Subscribers;

public sealed class SubscriberCsvTests
{
    [Fact]
    public void Read_Rfc4180Quoting_ParsesCommasQuotesAndLineBreaks()
    {
        var csv = "email,name,status,topics\r\n"
            + "ann@example.com,\"Doe, Ann \"\"The Reader\"\"\",active,world;tech\r\n"
            + "bob@example.com,\"Bob\nSecond line\",,\r\n"
            + "carl@example.com,Carl,UNSUBSCRIBED,\r\n";

        var file = SubscriberCsv.Read(new StringReader(csv));

        Assert.Equal(2, file.Rows.Count);
        Assert.Equal("Doe, Ann \"The Reader\"", file.Rows[0].Name);
        Assert.Equal(["world", "tech"], file.Rows[0].Topics);
        Assert.Equal(SubscriberStatus.Active, file.Rows[0].Status);
        Assert.Equal(SubscriberStatus.Unsubscribed, file.Rows[1].Status);
        Assert.Null(file.Rows[1].Topics);
        // Bob's quoted name spans lines 3-4 (and a line break in a name is refused), so Carl is on line 5.
        Assert.Equal("line 5", file.Rows[1].Location);
        Assert.Contains(file.Diagnostics, d => d.Code == "invalid-name" && d.Location == "line 3");
    }

    [Fact]
    public void Read_ColumnsInAnyOrderOnlyEmail_Works()
    {
        var file = SubscriberCsv.Read(new StringReader("Name,EMAIL\nAnn,ann@example.com\n\n"));

        var row = Assert.Single(file.Rows);
        Assert.Equal(("ann@example.com", "Ann"), (row.Email, row.Name));
        Assert.Empty(file.Diagnostics);
    }

    [Theory]
    [InlineData("name\nAnn\n", "bad-csv", "line 1")]
    [InlineData("email,email\na@example.com,b@example.com\n", "bad-csv", "line 1")]
    [InlineData("email,name\nnot-an-address,Ann\n", "invalid-address", "line 2")]
    [InlineData("email,name\nann@example.com\n", "bad-csv", "line 2")]
    [InlineData("email,name\nann@example.com,Ann,extra\n", "bad-csv", "line 2")]
    [InlineData("email,name\nann@example.com,An\"n\n", "bad-csv", "line 2")]
    [InlineData("email,name\nann@example.com,\"Ann\n", "bad-csv", "line 2")]
    [InlineData("email,status\nann@example.com,paused\n", "unknown-status", "line 2")]
    [InlineData("email,colour\nann@example.com,red\n", "unknown-column", "line 1")]
    public void Read_BadInput_ReportsDiagnosticWithLocation(string csv, string code, string location)
    {
        var file = SubscriberCsv.Read(new StringReader(csv));

        Assert.Contains(file.Diagnostics, d => d.Code == code && d.Location == location);
        Assert.DoesNotContain(file.Diagnostics, d => d.Message.Contains("ann@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_ThenRead_RoundTripsIncludingFormulaLikeFields()
    {
        var at = new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero);
        Subscriber[] subscribers =
        [
            new("ann@example.com", "Doe, \"Ann\"", SubscriberStatus.Active, at, at, ["world", "tech"]),
            new("-bob@example.com", "=HYPERLINK(\"http://evil.example\")", SubscriberStatus.Bounced, at, at, []),
            new("carl@example.com", null, SubscriberStatus.Unsubscribed, at, at, []),
        ];
        var writer = new StringWriter();

        await SubscriberCsv.WriteAsync(writer, subscribers);
        var text = writer.ToString();
        var file = SubscriberCsv.Read(new StringReader(text));

        Assert.StartsWith("email,name,status,topics\r\n", text);
        Assert.Contains("'=HYPERLINK", text);
        Assert.Contains("'-bob@example.com", text);
        Assert.Empty(file.Diagnostics);
        Assert.Equal(subscribers.Select(s => (s.Email, s.Name, s.Status)), file.Rows.Select(r => (r.Email, r.Name, r.Status!.Value)));
        Assert.Equal(["world", "tech"], file.Rows[0].Topics);
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A2)")]
    public async Task WriteAsync_FormulaLikeName_IsPrefixedWithAnApostropheAndReadsBack(string name)
    {
        var at = new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero);
        var writer = new StringWriter();

        await SubscriberCsv.WriteAsync(writer, [new Subscriber("ann@example.com", name, SubscriberStatus.Active, at, at, [])]);
        var record = writer.ToString().Split("\r\n")[1];

        // The name cell starts with the apostrophe (inside quotes when the value needs them), so a spreadsheet shows text.
        var cell = record["ann@example.com,".Length..];
        Assert.StartsWith("'" + name[0], cell.TrimStart('"'), StringComparison.Ordinal);
        Assert.Equal(name, Assert.Single(SubscriberCsv.Read(new StringReader(writer.ToString())).Rows).Name);
    }
}
