using Microsoft.AspNetCore.Http;

namespace Digest.Functions.Http;

/// <summary>
/// The headers every HTTP response of Digest carries (the Functions app's pages and `digest dev`'s local site): a
/// Content-Security-Policy that allows no script and no external resource, no MIME sniffing, no framing, and no
/// Referer (unsubscribe URLs carry a token). Pages choose their policy; everything else gets <see cref="PagePolicy"/>.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The small HTML pages (unsubscribe, not found, forms posting back to the same site).</summary>
    public const string PagePolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>The web archive's digest pages: like <see cref="PagePolicy"/>, plus the images a digest may show, and no forms.</summary>
    public const string ArchivePolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Sets the security headers on <paramref name="response"/> (replacing any earlier values).</summary>
    public static void Apply(HttpResponse response, string policy = PagePolicy)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
    }

    /// <summary>Sets the headers on a response that has none yet (for answers no page wrote: redirects, 404s, 405s).</summary>
    public static void ApplyIfMissing(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (string.IsNullOrEmpty(response.Headers.ContentSecurityPolicy))
        {
            Apply(response);
        }
    }
}
