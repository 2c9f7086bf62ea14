using System.Net;
using System.Text.RegularExpressions;
using Digest.Cli.Hosting;
using Digest.Core;
using Digest.Core.Delivery;
using Digest.Core.Storage;
using Digest.Functions.Functions.Unsubscribe;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Cli.Dev;

/// <summary>
/// What the Functions app serves, on 127.0.0.1 for `digest dev`, so the links in a local email work: the unsubscribe
/// page (<see cref="UnsubscribeFunction"/>, the Functions app's own handler: GET confirms, the RFC 8058 one-click POST
/// unsubscribes) at /api/unsubscribe, and the web archive from the store at /digests/index.html and
/// /digests/&lt;day&gt;/index.html. Nothing else is served: a path that is not one of those is 404, so no other blob
/// (subscribers, state) can be reached.
/// </summary>
internal sealed partial class LocalSite : IAsyncDisposable
{
    /// <summary>The local Functions host's port, and the port of the default Digest__PublicBaseUrl.</summary>
    public const int DefaultPort = 7071;

    /// <summary>Like the unsubscribe page's, plus the images and styles a digest page may use.</summary>
    private const string ArchivePolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

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
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var options = services.GetRequiredService<IOptions<DigestOptions>>();
        var unsubscribe = new UnsubscribeFunction(
            new UnsubscribeToken(options.Value.UnsubscribeSigningKey ?? throw new CliException("Digest__UnsubscribeSigningKey is not set; set it to 32+ random bytes, e.g. the output of: openssl rand -base64 32", CliExit.Failure)),
            services.GetRequiredService<SubscriberDirectory>(),
            options,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<UnsubscribeFunction>>());
        var store = services.GetRequiredService<IBlobStore>();
        app.MapMethods(UnsubscribeLinks.Path, [HttpMethods.Get, HttpMethods.Post], async (HttpContext context) =>
        {
            var result = await unsubscribe.RunAsync(context.Request, context.RequestAborted);
            await result.ExecuteResultAsync(new ActionContext { HttpContext = context });
        });
        app.MapGet("/", () => Results.Redirect("/" + Containers.Digests + "/" + Containers.ArchiveIndex));
        app.MapGet("/" + Containers.Digests + "/{**name}", (string? name, HttpContext context) => ServeArchiveAsync(store, name, context));

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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Only the archive's pages: digests/index.html and digests/&lt;yyyy-MM-dd&gt;/index.html|digest.html|digest.txt.</summary>
    private static async Task ServeArchiveAsync(IBlobStore store, string? name, HttpContext context)
    {
        var response = context.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers.ContentSecurityPolicy = ArchivePolicy;
        response.Headers["Referrer-Policy"] = "no-referrer";
        if (name is null || !ArchivePage().IsMatch(name)
            || await store.GetAsync(Containers.Digests, name, context.RequestAborted) is not { } blob)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync("Not found.", context.RequestAborted);
            return;
        }

        response.ContentType = name.EndsWith(".txt", StringComparison.Ordinal) ? "text/plain; charset=utf-8" : "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        await response.Body.WriteAsync(blob.Content.ToMemory(), context.RequestAborted);
    }

    [GeneratedRegex(@"^(index\.html|\d{4}-\d{2}-\d{2}/(index\.html|digest\.html|digest\.txt))$", RegexOptions.CultureInvariant)]
    private static partial Regex ArchivePage();
}
