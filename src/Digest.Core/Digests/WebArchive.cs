using Digest.Core.Json;
using Digest.Core.Storage;

namespace Digest.Core.Digests;

/// <summary>The build's web-archive step: a day's web edition and the index of past digests, in the digests container.</summary>
internal sealed class WebArchive(IBlobStore store, DigestRenderer renderer)
{
    /// <summary>
    /// The web archive: the day's web edition (every story in full, no subscriber data, no unsubscribe token) as
    /// digests/&lt;day&gt;/index.html (and digest.html, digest.txt), then the index of past digests, digests/index.html.
    /// </summary>
    public async Task WriteAsync(DigestDocument digest, DigestTemplates templates, CancellationToken cancellationToken)
    {
        var rendered = renderer.Render(digest, templates, DigestEdition.Web);
        var html = new BlobWriteOptions { ContentType = "text/html; charset=utf-8" };
        await store.PutAsync(Containers.Digests, Containers.DigestPage(digest.Day), BinaryData.FromString(rendered.Html), html, cancellationToken).ConfigureAwait(false);
        await store.PutAsync(Containers.Digests, Containers.DigestHtml(digest.Day), BinaryData.FromString(rendered.Html), html, cancellationToken).ConfigureAwait(false);
        await store.PutAsync(Containers.Digests, Containers.DigestText(digest.Day), BinaryData.FromString(rendered.Text), new BlobWriteOptions { ContentType = "text/plain; charset=utf-8" }, cancellationToken).ConfigureAwait(false);

        // Rebuilt from the stored digests each time, so a racing builder or a lost write heals on the next build.
        var entries = new List<ArchiveEntry>();
        await foreach (var blob in store.ListAsync(Containers.Digests, null, cancellationToken).ConfigureAwait(false))
        {
            if (blob.Name.EndsWith("/digest.json", StringComparison.Ordinal))
            {
                var (past, _) = await store.ReadAsync(Containers.Digests, blob.Name, DigestJsonContext.Stored.DigestDocument, cancellationToken).ConfigureAwait(false);
                if (past is not null)
                {
                    entries.Add(new ArchiveEntry(past.Day, past.Stories.Count > 0 ? past.Stories[0].Headline : string.Empty, past.Stories.Count));
                }
            }
        }

        await store.PutAsync(Containers.Digests, Containers.ArchiveIndex, BinaryData.FromString(renderer.RenderArchiveIndex(entries, templates)), html, cancellationToken).ConfigureAwait(false);
    }
}
