using System.Net;
using Digest.Cli.Hosting;
using Digest.Core;
using Digest.Core.Storage;
using Digest.Functions.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Cli.Dev;

/// <summary>
/// What the Functions app serves, on 127.0.0.1 for `digest dev`, so the links in a local email work: every HTTP
/// function of the app (<see cref="HttpFunction.All"/>: unsubscribe, subscribe and its confirmation, SendGrid's event
/// webhook, the web archive), at the routes and methods its own attributes declare, each request handled by the
/// function class itself, created from the services as the worker creates it. Nothing else is served: any other path
/// is the friendly 404, so no other blob (subscribers, state) can be reached. Every response, 404s, 405s and the redirect
/// from / included, carries <see cref="SecurityHeaders"/>, and none names the server.
/// </summary>
internal sealed class LocalSite : IAsyncDisposable
{
    /// <summary>The local Functions host's port, and the port of the default Digest__PublicBaseUrl.</summary>
    public const int DefaultPort = 7071;

    private readonly WebApplication _app;

    private LocalSite(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    /// <summary>The port listened on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>http://localhost:{port}.</summary>
    public Uri BaseUrl => new($"http://localhost:{Port}");

    /// <summary>
    /// The port to serve on: the one given, else that of Digest__PublicBaseUrl when it is an http loopback URL (so the
    /// emails' links reach this server), else <see cref="DefaultPort"/>.
    /// </summary>
    public static int PortFor(int? given, DigestOptions options) =>
        given ?? (Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.IsLoopback ? uri.Port : DefaultPort);

    /// <summary>Starts serving; a taken port is a one-line error (exit 1) naming the port and what to do.</summary>
    public static async Task<LocalSite> StartAsync(IServiceProvider services, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        var app = builder.Build();
        var options = services.GetRequiredService<IOptions<DigestOptions>>();
        if (options.Value.UnsubscribeSigningKey is null)
        {
            throw new CliException("Digest__UnsubscribeSigningKey is not set; set it to 32+ random bytes, e.g. the output of: openssl rand -base64 32", CliExit.Failure);
        }

        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                SecurityHeaders.ApplyIfMissing(context.Response);
                return Task.CompletedTask;
            });
            return next(context);
        });
        foreach (var function in HttpFunction.All)
        {
            var handler = function.Bind(services);
            app.MapMethods("/" + function.Route, function.Methods, (HttpContext context) => ExecuteAsync(context, handler));
        }

        app.MapGet("/", () => Results.Redirect("/" + Containers.Digests + "/" + Containers.ArchiveIndex));
        var title = options.Value.Title;
        // Everything else: the friendly 404 (a catch-all route, not MapFallback, whose default pattern skips paths with a
        // dot and which would turn 405s into 404s).
        app.MapMethods("/{**path}", [HttpMethods.Get, HttpMethods.Head], (HttpContext context) => HtmlPage.NotFound(title).ExecuteResultAsync(new ActionContext { HttpContext = context }));

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new CliException($"cannot serve the local links on http://localhost:{port}: the port is taken ({e.InnerException?.Message ?? e.Message}); stop what uses it, or pass --port N (and set Digest__PublicBaseUrl=http://localhost:N) or --no-serve", CliExit.Failure, e);
        }

        return new LocalSite(app, port);
    }

    /// <summary>Runs a Functions app handler on the request and writes its result, as the ASP.NET Core integration does.</summary>
    private static async Task ExecuteAsync(HttpContext context, Func<HttpRequest, CancellationToken, Task<IActionResult>> handler)
    {
        var result = await handler(context.Request, context.RequestAborted);
        await result.ExecuteResultAsync(new ActionContext { HttpContext = context });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
