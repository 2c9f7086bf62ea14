using Digest.Core.Articles;
using Digest.Core.Json;
using Digest.Core.Storage;
using Digest.Testing;
using Microsoft.Extensions.Options;

namespace Digest.Core.Tests.Articles;

/// <summary>Issue 19, item 12: a host claims a version before parsing it, so concurrent hosts parse each upload once.</summary>
public sealed class ParseClaimTests : IDisposable
{
    private const string Story = "Council Passes Budget\nThe council approved the new budget on Tuesday after a long debate, officials said.";
    private readonly TempDirectory _dir = new();
    private readonly FileSystemBlobStore _store;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero));

    public ParseClaimTests() => _store = new FileSystemBlobStore(_dir.Path);

    public void Dispose() => _dir.Dispose();

    private ParseArticleJob Job() => new(_store, new ArticleParser(), Options.Create(new DigestOptions()), _time);

    private async Task<string> UploadAsync()
    {
        await _store.PutAsync(Containers.Articles, "story.txt", BinaryData.FromString(Story));
        return (await _store.GetPropertiesAsync(Containers.Articles, "story.txt"))!.ETag;
    }

    private Task ClaimByAnotherHostAsync(string etag, TimeSpan left) =>
        _store.WriteAsync(Containers.State, ParseClaim.BlobNameFor("story.txt", etag), new ParseClaim("story.txt", etag, "other-host/42", _time.GetUtcNow() + left), DigestJsonContext.Stored.ParseClaim);

    [Fact]
    public async Task RunAsync_VersionClaimedByALiveHost_InProgressAndNothingWritten()
    {
        var etag = await UploadAsync();
        await ClaimByAnotherHostAsync(etag, TimeSpan.FromMinutes(1));

        var outcome = await Job().RunAsync("story.txt");

        Assert.Equal(ParseOutcomeKind.InProgress, outcome.Kind);
        Assert.Contains("other-host/42", outcome.Reason, StringComparison.Ordinal);
        Assert.Null(await _store.GetPropertiesAsync(Containers.State, ParseReceipt.BlobNameFor("story.txt", etag)));
        Assert.Empty(_store.ListAsync(Containers.Parsed).ToBlockingEnumerable());
    }

    [Fact]
    public async Task RunAsync_ClaimOfAHostThatDied_TakenOverAfterItExpiresAndParsedOnce()
    {
        var etag = await UploadAsync();
        await ClaimByAnotherHostAsync(etag, TimeSpan.FromMinutes(1));
        _time.Advance(TimeSpan.FromMinutes(2));

        var outcome = await Job().RunAsync("story.txt");
        var again = await Job().RunAsync("story.txt");

        Assert.Equal(ParseOutcomeKind.Parsed, outcome.Kind);
        Assert.Equal(ParseOutcomeKind.AlreadyProcessed, again.Kind);
        Assert.Null(await _store.GetPropertiesAsync(Containers.State, ParseClaim.BlobNameFor("story.txt", etag)));
    }

    [Fact]
    public async Task RunAsync_Parsed_ReceiptWrittenAndTheClaimRemoved()
    {
        var etag = await UploadAsync();

        var outcome = await Job().RunAsync("story.txt");

        Assert.Equal(ParseOutcomeKind.Parsed, outcome.Kind);
        Assert.Equal(["receipts/"], _store.ListAsync(Containers.State).ToBlockingEnumerable().Select(b => b.Name[..9]).Distinct());
        Assert.NotNull(await _store.GetPropertiesAsync(Containers.State, ParseReceipt.BlobNameFor("story.txt", etag)));
    }

    [Fact]
    public async Task RunAsync_ManyJobsAtOnce_ParsedByExactlyOne()
    {
        await UploadAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Job().RunAsync("story.txt"))));

        // One parses; the others see its claim or, once it is done, its receipt.
        Assert.Single(outcomes, o => o.Kind == ParseOutcomeKind.Parsed);
        Assert.All(outcomes, o => Assert.Contains(o.Kind, (ParseOutcomeKind[])[ParseOutcomeKind.Parsed, ParseOutcomeKind.InProgress, ParseOutcomeKind.AlreadyProcessed]));
    }

    [Fact]
    public async Task RunAsync_StoreFailedMidParseAndTheClaimCouldNotBeReleased_TheSameJobRetriesAtOnceAnotherHostWaits()
    {
        await UploadAsync();
        var failing = new FailingStore(_store);
        var job = new ParseArticleJob(failing, new ArticleParser(), Options.Create(new DigestOptions()), _time);

        await Assert.ThrowsAsync<IOException>(() => job.RunAsync("story.txt"));
        failing.Fail = false;
        var otherHost = await Job().RunAsync("story.txt");
        var retry = await job.RunAsync("story.txt");

        Assert.Equal(ParseOutcomeKind.InProgress, otherHost.Kind);
        Assert.Equal(ParseOutcomeKind.Parsed, retry.Kind);
    }

    /// <summary>While <see cref="Fail"/>: receipt writes and deletes in the state container fail (storage down mid-parse).</summary>
    private sealed class FailingStore(IBlobStore inner) : IBlobStore
    {
        public bool Fail { get; set; } = true;

        public Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken = default) => inner.GetAsync(container, name, cancellationToken);

        public Task<BlobProperties?> GetPropertiesAsync(string container, string name, CancellationToken cancellationToken = default) => inner.GetPropertiesAsync(container, name, cancellationToken);

        public Task<BlobWriteResult> PutAsync(string container, string name, BinaryData content, BlobWriteOptions? options = null, CancellationToken cancellationToken = default) =>
            Fail && container == Containers.State && name.StartsWith("receipts/", StringComparison.Ordinal) ? throw new IOException("simulated storage failure") : inner.PutAsync(container, name, content, options, cancellationToken);

        public Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default) =>
            Fail && container == Containers.State ? throw new IOException("simulated storage failure") : inner.DeleteAsync(container, name, cancellationToken);

        public IAsyncEnumerable<BlobProperties> ListAsync(string container, string? prefix = null, CancellationToken cancellationToken = default) => inner.ListAsync(container, prefix, cancellationToken);
    }
}
