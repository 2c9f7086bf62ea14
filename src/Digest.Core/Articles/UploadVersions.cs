using Digest.Core.Json;
using Digest.Core.Storage;

namespace Digest.Core.Articles;

/// <summary>
/// What a new version (ETag) of an upload does to the earlier versions' outputs: their article leaves the day (a new
/// version replaces it, it is not a second story) and their quarantine entry moves aside, kept.
/// </summary>
internal sealed class UploadVersions(IBlobStore store)
{
    /// <summary>
    /// Deletes the articles that earlier versions of <paramref name="blobName"/> filed under <paramref name="day"/>
    /// (found through their receipts), unless the stored article now comes from another upload (identical content).
    /// </summary>
    /// <returns>The ids removed.</returns>
    public async Task<IReadOnlyList<string>> RemoveEarlierArticlesAsync(string blobName, string etag, DateOnly day, string articleId, CancellationToken cancellationToken)
    {
        var prefix = ParseReceipt.PrefixFor(blobName);
        var current = ParseReceipt.BlobNameFor(blobName, etag);
        var removed = new List<string>();
        await foreach (var blob in store.ListAsync(Containers.State, prefix, cancellationToken).ConfigureAwait(false))
        {
            // receipts/articles/a.txt/ also lists a.txt/b.txt's receipts, one folder down.
            if (blob.Name == current || blob.Name.AsSpan(prefix.Length).Contains('/'))
            {
                continue;
            }

            var (receipt, _) = await store.ReadAsync(Containers.State, blob.Name, DigestJsonContext.Stored.ParseReceipt, cancellationToken).ConfigureAwait(false);
            if (receipt is not { Kind: ParseOutcomeKind.Parsed, ArticleId: { } earlier } || receipt.Day != day || earlier == articleId || receipt.BlobName != blobName)
            {
                continue;
            }

            var path = Containers.ParsedArticle(day, earlier);
            var (article, _) = await store.ReadAsync(Containers.Parsed, path, DigestJsonContext.Stored.Article, cancellationToken).ConfigureAwait(false);
            if (article?.SourceName == blobName && await store.DeleteAsync(Containers.Parsed, path, cancellationToken).ConfigureAwait(false))
            {
                removed.Add(earlier);
            }
        }

        return removed;
    }

    /// <summary>
    /// Moves the quarantine entry of an earlier version (another ETag) to quarantine/&lt;name&gt;~&lt;version&gt;, so the
    /// version being handled never overwrites or deletes it: the quarantine keeps every original.
    /// </summary>
    /// <returns>Whether an earlier entry was moved.</returns>
    public async Task<bool> KeepEarlierQuarantineAsync(string blobName, string etag, CancellationToken cancellationToken)
    {
        var reasonName = Containers.QuarantineReason(blobName);
        var (rejection, _) = await store.ReadAsync(Containers.Quarantine, reasonName, DigestJsonContext.Stored.Rejection, cancellationToken).ConfigureAwait(false);
        if (rejection is null || rejection.ETag == etag)
        {
            return false;
        }

        var earlier = Containers.QuarantineEarlier(blobName, rejection.ETag ?? rejection.RejectedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        if (await store.GetAsync(Containers.Quarantine, Containers.QuarantineCopy(blobName), cancellationToken).ConfigureAwait(false) is { } original)
        {
            await store.PutAsync(Containers.Quarantine, earlier, original.Content, new BlobWriteOptions { ContentType = original.Properties.ContentType }, cancellationToken).ConfigureAwait(false);
        }

        await store.WriteAsync(Containers.Quarantine, Containers.QuarantineReason(earlier), rejection, DigestJsonContext.Stored.Rejection, cancellationToken: cancellationToken).ConfigureAwait(false);
        await store.DeleteAsync(Containers.Quarantine, reasonName, cancellationToken).ConfigureAwait(false);
        await store.DeleteAsync(Containers.Quarantine, Containers.QuarantineCopy(blobName), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
