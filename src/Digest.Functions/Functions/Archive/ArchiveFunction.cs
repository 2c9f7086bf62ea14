using Digest.Core;
using Digest.Core.Storage;
using Digest.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Digest.Functions.Functions.Archive;

/// <summary>
/// HTTP trigger GET/HEAD /digests/{*path} (anonymous): the web archive at the URLs the emails carry ("View in browser",
/// "Past digests"), read from the digests container. Only <see cref="ArchivePage"/>s are served; everything else is
/// the friendly 404. `digest dev` serves its local links through this same class.
/// </summary>
public sealed class ArchiveFunction(IBlobStore store, IOptions<DigestOptions> options, TimeProvider time)
{
    public const string Name = "Archive";
    public const string Route = Containers.Digests + "/{*path}";

    /// <summary>Today's page and the index change during the day: browsers and proxies revalidate after 5 minutes.</summary>
    public const string ShortCache = "public, max-age=300";

    /// <summary>A past day's page is final (a rebuild happens only before any email with its link was sent).</summary>
    public const string LongCache = "public, max-age=604800";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Route)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ArchivePage.FromPath(request.Path.Value) is not { } page)
        {
            return HtmlPage.NotFound(options.Value.Title);
        }

        // HEAD needs only the properties; GET the page itself (a few hundred KB at most).
        BlobProperties? properties;
        BinaryData? content = null;
        if (HttpMethods.IsHead(request.Method))
        {
            properties = await store.GetPropertiesAsync(Containers.Digests, page.BlobName, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var blob = await store.GetAsync(Containers.Digests, page.BlobName, cancellationToken).ConfigureAwait(false);
            (properties, content) = (blob?.Properties, blob?.Content);
        }

        if (properties is null)
        {
            return HtmlPage.NotFound(options.Value.Title);
        }

        var today = options.Value.DayOf(time.GetUtcNow());
        var cache = page.Day is { } day && day < today ? LongCache : ShortCache;
        return new ArchiveResponse(properties, content, cache);
    }
}
