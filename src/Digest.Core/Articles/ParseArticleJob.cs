using System.Text.Json;
using Digest.Core.Json;
using Digest.Core.Storage;
using Microsoft.Extensions.Options;

namespace Digest.Core.Articles;

/// <summary>
/// Blob-triggered step: parses articles/&lt;name&gt; into parsed/&lt;day&gt;/&lt;id&gt;.json, or quarantines it with its reason.
/// PLACEHOLDER (scaffold): no receipts, no size limit; the Articles work completes it.
/// </summary>
public sealed class ParseArticleJob(IBlobStore store, ArticleParser parser, IOptions<DigestOptions> options, TimeProvider time)
{
    public async Task<ParseOutcome> RunAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var day = options.Value.DayOf(time.GetUtcNow());
        var blob = await store.GetAsync(Containers.Articles, blobName, cancellationToken).ConfigureAwait(false);
        if (blob is null)
        {
            return new ParseOutcome(blobName, ParseOutcomeKind.Missing, day, null, "not found", []);
        }

        var result = parser.Parse(blob.Content.ToMemory(), blobName, blob.Properties.ContentType);
        if (result.Article is not { } article)
        {
            var rejection = new Rejection(blobName, result.RejectionReason!, result.Diagnostics, blob.Properties.Length, time.GetUtcNow());
            await store.PutAsync(Containers.Quarantine, blobName, blob.Content, cancellationToken: cancellationToken).ConfigureAwait(false);
            await store.PutAsync(Containers.Quarantine, Containers.QuarantineReason(blobName), BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(rejection, DigestJsonContext.Default.Rejection)), new BlobWriteOptions { ContentType = "application/json" }, cancellationToken).ConfigureAwait(false);
            return new ParseOutcome(blobName, ParseOutcomeKind.Quarantined, day, null, rejection.Reason, result.Diagnostics);
        }

        await store.PutAsync(Containers.Parsed, Containers.ParsedArticle(day, article.Id), BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(article, DigestJsonContext.Default.Article)), new BlobWriteOptions { ContentType = "application/json" }, cancellationToken).ConfigureAwait(false);
        return new ParseOutcome(blobName, ParseOutcomeKind.Parsed, day, article.Id, null, result.Diagnostics);
    }
}
