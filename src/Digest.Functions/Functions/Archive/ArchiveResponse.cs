using Digest.Core.Storage;
using Digest.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Digest.Functions.Functions.Archive;

/// <summary>
/// An archive page with its validators: <c>ETag</c> (the blob's) and <c>Last-Modified</c>, and 304 Not Modified when
/// the request's <c>If-None-Match</c> lists that tag, or, without If-None-Match, when <c>If-Modified-Since</c> is not
/// older than the page (RFC 9110 sections 13.1.2 and 13.1.3). Written by hand rather than by MVC's
/// <c>FileContentResult</c>, whose executor needs MVC's services: this result runs in the worker and in
/// `digest dev`'s slim host alike. HEAD gets the same headers and no body.
/// </summary>
internal sealed class ArchiveResponse(BlobProperties properties, BinaryData? content, string cacheControl) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        var response = context.HttpContext.Response;
        var etag = EntityTagHeaderValue.Parse(properties.ETag);
        var lastModified = properties.LastModified;
        SecurityHeaders.Apply(response, SecurityHeaders.ArchivePolicy);
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = lastModified;
        response.Headers.CacheControl = cacheControl;

        if (NotModified(request.GetTypedHeaders(), etag, lastModified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = properties.ContentType ?? "text/html; charset=utf-8";
        response.ContentLength = properties.Length;
        if (content is not null && !HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(content.ToMemory(), context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
    }

    private static bool NotModified(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        var ifNoneMatch = request.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            // Weak comparison, as If-None-Match requires; "*" matches any existing page.
            return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        }

        // HTTP dates have whole seconds.
        return request.IfModifiedSince is { } since && lastModified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }
}
