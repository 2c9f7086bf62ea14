using Digest.Core.Delivery;
using Digest.Core.Delivery.Subscribers;
using Digest.Core.Storage;
using Digest.Testing;

namespace Digest.Core.Tests.Delivery.Subscribers;

public sealed class SubscriberImporterTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero));
    private readonly SubscriberDirectory _directory;

    public SubscriberImporterTests() => _directory = new SubscriberDirectory(new FileSystemBlobStore(_temp.Path));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ImportAsync_NewRows_AddsActiveSubscribers()
    {
        var result = await Import(Row("ann@example.com", "Ann"), Row("bob@example.com"));

        Assert.Equal(2, result.Added);
        var ann = await _directory.GetAsync(SubscriberKey.For("ann@example.com"));
        Assert.Equal(SubscriberStatus.Active, ann!.Status);
        Assert.Equal(_time.GetUtcNow(), ann.CreatedAt);
    }

    [Fact]
    public async Task ImportAsync_DuplicatesDifferingInCase_MergedIntoOne()
    {
        var result = await Import(
            Row("Ann@Example.com", "Ann", topics: ["world"]),
            Row("ann@example.com", null, SubscriberStatus.Unsubscribed, ["tech"]));

        Assert.Equal((1, 1), (result.Added, result.Merged));
        Assert.Contains(result.Diagnostics, d => d.Code == "duplicate" && d.Message.StartsWith("a***@example.com", StringComparison.Ordinal));
        var all = await ListAsync();
        var ann = Assert.Single(all);
        Assert.Equal(("Ann@Example.com", "Ann", SubscriberStatus.Unsubscribed), (ann.Email, ann.Name, ann.Status));
        Assert.Equal(["world", "tech"], ann.Topics);
    }

    [Theory]
    [InlineData(SubscriberStatus.Unsubscribed)]
    [InlineData(SubscriberStatus.Bounced)]
    public async Task ImportAsync_ActiveRowForWithdrawnSubscriber_KeepsWithdrawnStatus(SubscriberStatus withdrawn)
    {
        await Import(Row("ann@example.com", "Ann", withdrawn));
        _time.Advance(TimeSpan.FromDays(1));

        var explicitActive = await Import(Row("ann@example.com", "Ann B.", SubscriberStatus.Active));
        var noStatus = await Import(Row("ann@example.com", "Ann B."));

        Assert.Equal(1, explicitActive.KeptInactive);
        Assert.Contains(explicitActive.Diagnostics, d => d.Code == "kept-inactive");
        Assert.Equal(1, noStatus.Unchanged);
        var ann = await _directory.GetAsync(SubscriberKey.For("ann@example.com"));
        Assert.Equal(withdrawn, ann!.Status);
        Assert.Equal("Ann B.", ann.Name);
        Assert.Equal(_time.GetUtcNow().AddDays(-1), ann.UpdatedAt);
    }

    [Fact]
    public async Task ImportAsync_AllowResubscribe_ReactivatesAndStampsUpdatedAt()
    {
        await Import(Row("ann@example.com", status: SubscriberStatus.Unsubscribed));
        _time.Advance(TimeSpan.FromHours(3));

        var result = await new SubscriberImporter(_directory, _time).ImportAsync([Row("ann@example.com", status: SubscriberStatus.Active)], allowResubscribe: true);

        Assert.Equal(1, result.Updated);
        var ann = await _directory.GetAsync(SubscriberKey.For("ann@example.com"));
        Assert.Equal((SubscriberStatus.Active, _time.GetUtcNow()), (ann!.Status, ann.UpdatedAt));
    }

    [Fact]
    public async Task ImportAsync_UnsubscribedRowForActive_Withdraws()
    {
        await Import(Row("ann@example.com", topics: ["tech"]));

        var result = await Import(Row("ann@example.com", status: SubscriberStatus.Unsubscribed));

        Assert.Equal(1, result.Updated);
        var ann = await _directory.GetAsync(SubscriberKey.For("ann@example.com"));
        Assert.Equal(SubscriberStatus.Unsubscribed, ann!.Status);
        Assert.Equal(["tech"], ann.Topics);
    }

    private static SubscriberRow Row(string email, string? name = null, SubscriberStatus? status = null, IReadOnlyList<string>? topics = null) =>
        new("line 2", email, name, status, topics);

    private Task<SubscriberImportResult> Import(params SubscriberRow[] rows) => new SubscriberImporter(_directory, _time).ImportAsync(rows);

    private async Task<List<Subscriber>> ListAsync()
    {
        var list = new List<Subscriber>();
        await foreach (var s in _directory.ListAsync())
        {
            list.Add(s);
        }

        return list;
    }
}
