using System.Text.Encodings.Web;
using Digest.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Digest.Functions.Http;

/// <summary>
/// One small HTML page in Digest's page style, as an action result the ASP.NET Core integration (and `digest dev`)
/// writes: the caller passes the body as HTML it has encoded (<see cref="Encode"/>); the title and heading are encoded
/// here. No script, no external resource, no cookie; <see cref="SecurityHeaders"/> forbid everything else.
/// </summary>
public sealed class HtmlPage(int statusCode, string title, string heading, string bodyHtml, string cacheControl = "no-store") : IActionResult
{
    private const string Style = "body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}button{font-size:1rem;padding:.5rem 1rem}";

    public int StatusCode => statusCode;

    /// <summary>The friendly not-found page: 404, with a link to the archive's index.</summary>
    public static HtmlPage NotFound(string title) =>
        new(StatusCodes.Status404NotFound, title, "Page not found", $"""<p>There is no page at this address. The <a href="/{Containers.Digests}/{Containers.ArchiveIndex}">past digests</a> are all listed in the archive.</p>""", "no-cache");

    /// <summary>HTML-encodes a value for a page body.</summary>
    public static string Encode(string value) => HtmlEncoder.Default.Encode(value);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        SecurityHeaders.Apply(response);
        response.Headers.CacheControl = cacheControl;
        if (HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            return;
        }

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
}
