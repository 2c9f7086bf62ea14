using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Digest.Functions.Http;

/// <summary>
/// A short plain-text answer for machine callers (the provider webhook), with <see cref="SecurityHeaders"/> and never
/// cached. Written by hand rather than by MVC's ContentResult, whose executor needs MVC's services: this result runs
/// in the worker and in `digest dev`'s slim host alike.
/// </summary>
public sealed class TextResponse(int statusCode, string text) : IActionResult
{
    public int StatusCode => statusCode;

    public string Text => text;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/plain; charset=utf-8";
        SecurityHeaders.Apply(response);
        response.Headers.CacheControl = "no-store";
        await response.WriteAsync(text + "\n", context.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
