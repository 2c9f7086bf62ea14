using Digest.Core.Accounting;

namespace Digest.Core.Tests.Accounting;

public sealed class DeliverabilityCountsTests
{
    [Theory]
    [InlineData(0, 0, 0, null, "none")]
    [InlineData(1000, 0, 0, 0.0, "ok")]
    [InlineData(1000, 2000, 1, 0.0005, "ok")]
    [InlineData(1000, 1000, 1, 0.001, "ok")]
    [InlineData(1000, 1000, 2, 0.002, "warning")]
    [InlineData(1000, 1000, 3, 0.003, "warning")]
    [InlineData(1000, 1000, 4, 0.004, "over")]
    [InlineData(500, 0, 1, 0.002, "warning")] // no delivery reported yet: over accepted
    public void From_ComplaintRateAgainstTheLines(int accepted, int delivered, int complaints, double? rate, string level)
    {
        var counts = DeliverabilityCounts.From(accepted, new Dictionary<string, int> { ["delivered"] = delivered, ["complained"] = complaints, ["bounced"] = 7 });

        Assert.Equal(rate, counts.ComplaintRate);
        Assert.Equal(level, counts.ComplaintLevel);
        Assert.Equal((accepted, delivered, complaints, 7), (counts.Accepted, counts.Delivered, counts.Complaints, counts.Bounced));
    }
}
