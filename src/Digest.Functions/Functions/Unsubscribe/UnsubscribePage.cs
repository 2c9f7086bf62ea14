using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Digest.Functions.Functions.Unsubscribe;

/// <summary>
/// The small HTML pages of the unsubscribe flow, as action results the ASP.NET Core integration writes. Every dynamic value is HTML-encoded; the page has no script, no
/// external resource and no cookie, and the headers forbid everything else (CSP), sniffing and caching.
/// </summary>
internal sealed class UnsubscribePage(int statusCode, string title, string heading, string bodyHtml) : IActionResult
{
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private const string Style = "body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}button{font-size:1rem;padding:.5rem 1rem}";

    public int StatusCode => statusCode;

    /// <summary>The confirmation page (GET): a button that POSTs the RFC 8058 one-click body back to the same URL.</summary>
    public static UnsubscribePage Confirm(string title, string token) =>
        new(StatusCodes.Status200OK, title, "Unsubscribe?", $"""
            <p>Stop receiving {Encode(title)} at this address?</p>
            <form method="post" action="?token={Encode(Uri.EscapeDataString(token))}">
            <input type="hidden" name="List-Unsubscribe" value="One-Click">
            <button type="submit">Unsubscribe</button>
            </form>
            """);

    /// <summary>The result page (POST). Identical whether or not the subscriber exists, so it reveals nothing.</summary>
    public static UnsubscribePage Done(string title) =>
        new(StatusCodes.Status200OK, title, "Unsubscribed", $"<p>You will no longer receive {Encode(title)}.</p>");

    /// <summary>A generic refusal: says nothing about which part was wrong or whether any address exists.</summary>
    public static UnsubscribePage Invalid(string title) =>
        new(StatusCodes.Status400BadRequest, title, "Link not valid", "<p>This unsubscribe link is not valid. Please use the link from the most recent email.</p>");

    /// <summary>Storage failure: try again later (the one-click POST is retried by mail providers).</summary>
    public static UnsubscribePage Unavailable(string title) =>
        new(StatusCodes.Status500InternalServerError, title, "Please try again", "<p>We could not process the request just now. Please try again later.</p>");

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer"; // the URL carries the token
        response.Headers.XFrameOptions = "DENY";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
            <title>{Encode(heading)} - {Encode(title)}</title><style>{Style}</style></head>
            <body><h1>{Encode(heading)}</h1>
            {bodyHtml}
            </body>
            </html>
            """;
        await response.WriteAsync(html, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
