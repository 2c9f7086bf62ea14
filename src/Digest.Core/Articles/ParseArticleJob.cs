using System.Collections.Concurrent;
using Digest.Core.Json;
using Digest.Core.Storage;
using Digest.Core.Stories.Embeddings;
using Digest.Core.Stories.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Digest.Core.Articles;

/// <summary>
/// Blob-triggered step: parses articles/&lt;name&gt; into parsed/&lt;day&gt;/&lt;id&gt;.json, or quarantines it
/// (a copy of the original bytes at quarantine/&lt;name&gt; and the reason at quarantine/&lt;name&gt;.reason.json).
/// The upload itself is never modified or deleted. The quarantine keeps every original: when a later version of a
/// rejected upload parses or is rejected too, the earlier entry moves to quarantine/&lt;name&gt;~&lt;version&gt;. A later
/// version that parses replaces the earlier version's article in the day.
/// </summary>
/// <remarks>
/// Exactly once per version: a create-only <see cref="ParseReceipt"/> per (name, ETag) in the state container.
/// The receipt is written LAST, after the outcome is stored. If the process dies in between, no receipt exists
/// and the next trigger (or the host's retry) processes the blob again rather than losing it. That is safe because
/// every output is idempotent: the parser is deterministic, the article's id and path come from its content, and
/// the quarantine copy and reason overwrite themselves with the same content. Writing the receipt first would
/// turn such a crash into a silently lost article. The one visible effect of a re-run on a later day is the same
/// article filed under that day too; the digest clusters identical articles into one story anyway.
/// Infrastructure failures (storage errors) propagate so the host retries. With an <see cref="ITextEmbedder"/>
/// registered, the parsed article carries its sentence embedding, so the daily build only compares vectors.
/// </remarks>
public sealed class ParseArticleJob(
    IBlobStore store,
    ArticleParser parser,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<ParseArticleJob>? logger = null,
    ITextEmbedder? embedder = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<ParseArticleJob>.Instance;

    private long _claims;

    /// <summary>Claims this job could not release (the store failed): its own retry may take them back before they expire.</summary>
    private readonly ConcurrentDictionary<string, string> _unreleased = new(StringComparer.Ordinal);

    public async Task<ParseOutcome> RunAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var day = options.Value.DayOf(now);
        if (!BlobNames.IsValid(blobName))
        {
            // Quarantined by name with the reason (its bytes cannot be read through the store), so it is accounted
            // for instead of failing every delivery.
            return await QuarantineUnreadAsync(blobName, "invalid-name", InvalidNameReason, cancellationToken).ConfigureAwait(false);
        }

        // Properties first: a version already handled is skipped without downloading it.
        var properties = await store.GetPropertiesAsync(Containers.Articles, blobName, cancellationToken).ConfigureAwait(false);
        if (properties is not null && await HasReceiptAsync(blobName, properties.ETag, cancellationToken).ConfigureAwait(false))
        {
            ParseArticleLog.AlreadyProcessed(_logger, blobName, properties.ETag);
            return new ParseOutcome(blobName, ParseOutcomeKind.AlreadyProcessed, day, null, null, []);
        }

        var blob = properties is null ? null : await store.GetAsync(Containers.Articles, blobName, cancellationToken).ConfigureAwait(false);
        if (blob is null)
        {
            ParseArticleLog.Missing(_logger, blobName);
            return new ParseOutcome(blobName, ParseOutcomeKind.Missing, day, null, "The blob does not exist.", []);
        }

        // The blob may have been replaced between the two reads: the receipt names the version actually parsed.
        var etag = blob.Properties.ETag;
        if (etag != properties!.ETag && await HasReceiptAsync(blobName, etag, cancellationToken).ConfigureAwait(false))
        {
            ParseArticleLog.AlreadyProcessed(_logger, blobName, etag);
            return new ParseOutcome(blobName, ParseOutcomeKind.AlreadyProcessed, day, null, null, []);
        }

        // Claim the version before the work, so concurrent hosts parse it once between them.
        var claimName = ParseClaim.BlobNameFor(blobName, etag);
        var owner = $"{ParseClaim.ThisProcess}#{Interlocked.Increment(ref _claims)}";
        if (await ClaimAsync(blobName, etag, claimName, owner, cancellationToken).ConfigureAwait(false) is { } holder)
        {
            ParseArticleLog.InProgress(_logger, blobName, etag, holder.Owner, holder.ExpiresAt);
            return new ParseOutcome(blobName, ParseOutcomeKind.InProgress, day, null, $"Being parsed by {holder.Owner}.", []);
        }

        // Claimed: the receipt may have been written between the check above and the claim.
        if (await HasReceiptAsync(blobName, etag, cancellationToken).ConfigureAwait(false))
        {
            await store.DeleteAsync(Containers.State, claimName, cancellationToken).ConfigureAwait(false);
            ParseArticleLog.AlreadyProcessed(_logger, blobName, etag);
            return new ParseOutcome(blobName, ParseOutcomeKind.AlreadyProcessed, day, null, null, []);
        }

        ParseOutcome outcome;
        try
        {
            var result = parser.Parse(blob.Content.ToMemory(), blobName, blob.Properties.ContentType);
            outcome = result.Article is { } article
                ? await StoreArticleAsync(blobName, etag, await WithGroupingEvidenceAsync(article, cancellationToken).ConfigureAwait(false), day, result, cancellationToken).ConfigureAwait(false)
                : await QuarantineAsync(blobName, blob, result, day, now, cancellationToken).ConfigureAwait(false);

            var receipt = new ParseReceipt(blobName, etag, outcome.Kind, day, outcome.ArticleId, outcome.Reason, now);
            var written = await store.WriteAsync(Containers.State, ParseReceipt.BlobNameFor(blobName, etag), receipt, DigestJsonContext.Stored.ParseReceipt, BlobWriteOptions.CreateOnly(), cancellationToken).ConfigureAwait(false);
            if (!written.Written)
            {
                // Another invocation handled the same version at the same time; the outputs are identical.
                ParseArticleLog.ReceiptRace(_logger, blobName, etag);
            }
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A storage failure mid-way: release the claim (best effort) so the retry, here or on another host, need
            // not wait for it to expire. If the store is down the claim stays until it expires.
            await TryReleaseAsync(claimName, owner).ConfigureAwait(false);
            throw;
        }

        // The receipt now stops every later run; the claim has done its work.
        await store.DeleteAsync(Containers.State, claimName, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    private async Task TryReleaseAsync(string claimName, string owner)
    {
        try
        {
            await store.DeleteAsync(Containers.State, claimName, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The store is failing: this job's retry takes the claim back; another host waits for it to expire.
            _unreleased[claimName] = owner;
        }
    }

    /// <summary>
    /// Claims the version for this host: create-only, or by taking over an expired claim (ETag-guarded, so of two
    /// hosts taking over the same claim one wins). Returns the live claim of another host, or null when ours.
    /// </summary>
    private async Task<ParseClaim?> ClaimAsync(string blobName, string etag, string claimName, string owner, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ours = new ParseClaim(blobName, etag, owner, now + options.Value.ParseClaimTimeout);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var created = await store.WriteAsync(Containers.State, claimName, ours, DigestJsonContext.Stored.ParseClaim, BlobWriteOptions.CreateOnly(), cancellationToken).ConfigureAwait(false);
            if (created.Written)
            {
                return null;
            }

            var (held, heldETag) = await store.ReadAsync(Containers.State, claimName, DigestJsonContext.Stored.ParseClaim, cancellationToken).ConfigureAwait(false);
            if (held is null)
            {
                continue; // released in between: try to create it again
            }

            var oursUnreleased = _unreleased.TryGetValue(claimName, out var left) && left == held.Owner;
            if (held.ExpiresAt > now && !oursUnreleased)
            {
                return held;
            }

            var taken = await store.WriteAsync(Containers.State, claimName, ours, DigestJsonContext.Stored.ParseClaim, new BlobWriteOptions { IfMatch = heldETag }, cancellationToken).ConfigureAwait(false);
            if (taken.Written)
            {
                if (!_unreleased.TryRemove(claimName, out _))
                {
                    ParseArticleLog.ClaimTakenOver(_logger, blobName, etag, held.Owner);
                }

                return null;
            }
        }

        // Three races lost in a row: another host is busy with it; it will be seen again.
        return new ParseClaim(blobName, etag, "another host", now + options.Value.ParseClaimTimeout);
    }

    /// <summary>
    /// The article with what grouping reads of it computed once, here: the days its headline and lead name, and its
    /// sentence embedding (headline plus lead) when an embedder is configured.
    /// </summary>
    private async Task<Article> WithGroupingEvidenceAsync(Article article, CancellationToken cancellationToken) =>
        (await ArticleEmbeddings.EnsureAsync([article with { NamedDays = DateMentions.In(article) }], embedder, cancellationToken).ConfigureAwait(false))[0];

    private async Task<bool> HasReceiptAsync(string blobName, string etag, CancellationToken cancellationToken) =>
        await store.GetPropertiesAsync(Containers.State, ParseReceipt.BlobNameFor(blobName, etag), cancellationToken).ConfigureAwait(false) is not null;

    private async Task<ParseOutcome> StoreArticleAsync(string blobName, string etag, Article article, DateOnly day, ArticleParseResult result, CancellationToken cancellationToken)
    {
        await store.WriteAsync(Containers.Parsed, Containers.ParsedArticle(day, article.Id), article, DigestJsonContext.Stored.Article, cancellationToken: cancellationToken).ConfigureAwait(false);
        // A new version replaces its earlier article in the day (it is not a second story), and an earlier rejected
        // version's quarantine entry moves aside (kept, not deleted). Both are idempotent, so safe before the receipt.
        var versions = new UploadVersions(store);
        foreach (var replaced in await versions.RemoveEarlierArticlesAsync(blobName, etag, day, article.Id, cancellationToken).ConfigureAwait(false))
        {
            ParseArticleLog.ArticleReplaced(_logger, blobName, replaced, article.Id);
        }

        if (await versions.KeepEarlierQuarantineAsync(blobName, etag, cancellationToken).ConfigureAwait(false))
        {
            ParseArticleLog.QuarantineCleared(_logger, blobName);
        }

        ParseArticleLog.Parsed(_logger, blobName, article.Format, article.Id, day, result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
        return new ParseOutcome(blobName, ParseOutcomeKind.Parsed, day, article.Id, null, result.Diagnostics);
    }

    /// <summary>Why a name no store reads (a ".." segment, which any Azure client can create) is quarantined.</summary>
    public const string InvalidNameReason = "The blob name is not a valid article name (an empty, \".\" or \"..\" path segment, a backslash or a control character); it was not read. Upload it again under a plain file name.";

    /// <summary>
    /// Quarantines an upload whose bytes cannot be read (a name no store reads; an input file `digest run` could not
    /// read): only the reason, by name (<see cref="Containers.QuarantineReason"/>), where the day's accounting finds it.
    /// </summary>
    public async Task<ParseOutcome> QuarantineUnreadAsync(string name, string code, string reason, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        ParseDiagnostic[] diagnostics = [new(DiagnosticSeverity.Error, code, reason)];
        await store.WriteAsync(Containers.Quarantine, Containers.QuarantineReason(name), new Rejection(name, reason, diagnostics, 0, now), DigestJsonContext.Stored.Rejection, cancellationToken: cancellationToken).ConfigureAwait(false);
        ParseArticleLog.Quarantined(_logger, name, code, reason);
        return new ParseOutcome(name, ParseOutcomeKind.Quarantined, options.Value.DayOf(now), null, reason, diagnostics);
    }

    private async Task<ParseOutcome> QuarantineAsync(string name, StoredBlob blob, ArticleParseResult result, DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reason = result.RejectionReason!;
        var rejection = new Rejection(name, reason, result.Diagnostics, blob.Properties.Length, now, blob.Properties.ETag);
        // An earlier rejected version (possibly another editor's file of the same name) is kept beside, not overwritten.
        await new UploadVersions(store).KeepEarlierQuarantineAsync(name, blob.Properties.ETag, cancellationToken).ConfigureAwait(false);
        await store.PutAsync(Containers.Quarantine, Containers.QuarantineCopy(name), blob.Content, new BlobWriteOptions { ContentType = blob.Properties.ContentType }, cancellationToken).ConfigureAwait(false);
        await store.WriteAsync(Containers.Quarantine, Containers.QuarantineReason(name), rejection, DigestJsonContext.Stored.Rejection, cancellationToken: cancellationToken).ConfigureAwait(false);
        var code = result.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.Code ?? "rejected";
        ParseArticleLog.Quarantined(_logger, name, code, reason);
        return new ParseOutcome(name, ParseOutcomeKind.Quarantined, day, null, reason, result.Diagnostics);
    }
}
