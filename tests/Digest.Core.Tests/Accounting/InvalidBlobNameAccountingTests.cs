using System.Runtime.CompilerServices;
using Digest.Core.Accounting;
using Digest.Core.Articles;
using Digest.Core.Storage;
using Digest.Testing;
using Microsoft.Extensions.Options;

namespace Digest.Core.Tests.Accounting;

/// <summary>
/// Issue 19, item 7: an Azure client can create articles/a/../../b.txt, which the store refuses to read. The day's
/// accounting must not fail for every day because of it, and the quarantined name is accounted for.
/// </summary>
public sealed class InvalidBlobNameAccountingTests : IDisposable
{
    private const string Hostile = "a/../../b.txt";
    private static readonly DateTimeOffset Now = new(2025, 9, 2, 6, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ComputeAsync_UploadNamedWithDotDot_QuarantinedAndAccounted()
    {
        var store = new ListsAnInvalidName(new FileSystemBlobStore(_dir.Path));
        var outcome = await new ParseArticleJob(store, new ArticleParser(), Options.Create(new DigestOptions()), new FakeTimeProvider(Now)).RunAsync(Hostile);

        var status = await new DayAccounting(store, TimeZoneInfo.Utc).ComputeAsync(DateOnly.FromDateTime(Now.UtcDateTime));

        Assert.Equal(ParseOutcomeKind.Quarantined, outcome.Kind);
        Assert.Equal(new UploadCounts(1, 0, 1, 0), status.Uploads);
        Assert.Equal("invalid-name", Assert.Single(status.Quarantined).Code);
        Assert.True(status.Reconciles, string.Join("; ", status.Problems));
    }

    /// <summary>The file-system store, whose articles listing also holds a name it would refuse (as Azure's can).</summary>
    private sealed class ListsAnInvalidName(IBlobStore inner) : IBlobStore
    {
        public Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken = default) => inner.GetAsync(container, name, cancellationToken);

        public Task<BlobProperties?> GetPropertiesAsync(string container, string name, CancellationToken cancellationToken = default) => inner.GetPropertiesAsync(container, name, cancellationToken);

        public Task<BlobWriteResult> PutAsync(string container, string name, BinaryData content, BlobWriteOptions? options = null, CancellationToken cancellationToken = default) => inner.PutAsync(container, name, content, options, cancellationToken);

        public Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default) => inner.DeleteAsync(container, name, cancellationToken);

        public async IAsyncEnumerable<BlobProperties> ListAsync(string container, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            if (container == Containers.Articles)
            {
                yield return new BlobProperties(Hostile, "\"0x1\"", 10, "text/plain", Now, new Dictionary<string, string>());
            }

            await foreach (var blob in inner.ListAsync(container, prefix, cancellationToken))
            {
                yield return blob;
            }
        }
    }
}
