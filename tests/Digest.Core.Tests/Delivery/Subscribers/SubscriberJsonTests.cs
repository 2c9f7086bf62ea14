using System.Text;
using Digest.Core.Delivery;
using Digest.Core.Delivery.Subscribers;

namespace Digest.Core.Tests.Delivery.Subscribers;

public sealed class SubscriberJsonTests
{
    [Fact]
    public async Task ReadAsync_SeedsFormat_ReadsEmailAndName()
    {
        var file = await Read("""[{"email":"ann@example.com","name":"Ann"},{"email":"bob@example.com"},{"email":"cy@example.com","status":"bounced","topics":["tech"]}]""");

        Assert.Equal(["ann@example.com", "bob@example.com", "cy@example.com"], file.Rows.Select(r => r.Email));
        Assert.Equal("Ann", file.Rows[0].Name);
        Assert.Null(file.Rows[1].Status);
        Assert.Equal(SubscriberStatus.Bounced, file.Rows[2].Status);
        Assert.Empty(file.Diagnostics);
    }

    [Theory]
    [InlineData("{\"email\":\"a@example.com\"}", "file")]
    [InlineData("[{\"email\":\"a@example.com\"", "line 1")]
    [InlineData("[42]", "item 1")]
    [InlineData("[{\"email\":7}]", "item 1")]
    [InlineData("[{\"email\":\"a@example.com\",\"topics\":\"tech\"}]", "item 1")]
    [InlineData("[{\"name\":\"No Address\"}]", "item 1")]
    public async Task ReadAsync_BadInput_ReportsDiagnostic(string json, string location)
    {
        var file = await Read(json);

        Assert.Empty(file.Rows);
        Assert.Contains(file.Diagnostics, d => d.Location == location);
    }

    private static Task<SubscriberFile> Read(string json) => SubscriberJson.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));
}
