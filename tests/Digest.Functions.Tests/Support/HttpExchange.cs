using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace Digest.Functions.Tests.Support;

/// <summary>
/// An HTTP request as the ASP.NET Core integration hands it to a function (an <see cref="HttpRequest"/> of a fresh
/// <see cref="HttpContext"/>), and the response the function's <see cref="IActionResult"/> writes.
/// </summary>
internal static class HttpExchange
{
    /// <summary>A request for <paramref name="pathAndQuery"/> with an optional body (its content headers are kept).</summary>
    public static async Task<HttpRequest> RequestAsync(string method, string pathAndQuery, HttpContent? content = null)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = method;
        request.Scheme = "https";
        request.Host = new HostString("digest.example.com");
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        request.Path = query < 0 ? pathAndQuery : pathAndQuery[..query];
        request.QueryString = query < 0 ? QueryString.Empty : new QueryString(pathAndQuery[query..]);
        if (content is not null)
        {
            var body = await content.ReadAsByteArrayAsync();
            request.Body = new MemoryStream(body);
            request.ContentLength = body.Length;
            request.ContentType = content.Headers.ContentType?.ToString();
        }

        context.Response.Body = new MemoryStream();
        return request;
    }

    /// <summary>Runs the result against the request's context, as the integration does, and reads what it wrote.</summary>
    public static async Task<Response> ExecuteAsync(IActionResult result, HttpRequest request)
    {
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body, Encoding.UTF8);
        return new Response(context.Response.StatusCode, context.Response.Headers, context.Response.ContentType, await reader.ReadToEndAsync());
    }

    public sealed record Response(int Status, IHeaderDictionary Headers, string? ContentType, string Body);
}
