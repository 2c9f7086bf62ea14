using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Digest.Email.Tests.SendGrid;

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, a free port) that behaves like SendGrid's POST /v3/mail/send: it checks
/// the bearer key and the documented limits (FakeSendGridValidator), answers 400/401/413 with SendGrid-style error
/// JSON, and on success answers 202 with X-Message-Id and records every recipient in <see cref="Ledger"/>.
/// Faults (429, 500, timeouts) are injected at <see cref="FaultRate"/> with a seeded Random, before acceptance.
/// </summary>
public sealed class FakeSendGridServer : IAsyncDisposable
{
    public const string ApiKey = "SG.fake-test-key";
    private readonly WebApplication _app;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private int _requests;
    private int _accepted;
    private int _faults;

    private FakeSendGridServer(WebApplication app, int seed)
    {
        _app = app;
        _random = new Random(seed);
        app.MapPost("/v3/mail/send", HandleAsync);
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Share of requests (0..1) that get a fault from <see cref="Faults"/> instead of being processed.</summary>
    public double FaultRate { get; set; }

    public IReadOnlyList<FakeSendGridFault> Faults { get; set; } = [FakeSendGridFault.RateLimited, FakeSendGridFault.ServerError, FakeSendGridFault.Timeout];

    /// <summary>How long a Timeout fault stalls (make it longer than the client's attempt timeout).</summary>
    public TimeSpan TimeoutDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>When set, every authorised request is answered with this status and error body instead.</summary>
    public (HttpStatusCode Status, string Message, string? Field)? ForcedError { get; set; }

    /// <summary>Addresses the fake calls invalid (case-insensitive), as SendGrid does for some it will not deliver to.</summary>
    public ISet<string> InvalidAddresses { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Lower-cased address to the number of times it was accepted.</summary>
    public ConcurrentDictionary<string, int> Ledger { get; } = new(StringComparer.Ordinal);

    /// <summary>Keep accepted bodies in <see cref="AcceptedRequests"/> (off for benchmarks). Default true.</summary>
    public bool KeepAcceptedBodies { get; set; } = true;

    /// <summary>Bodies of accepted requests.</summary>
    public ConcurrentQueue<JsonObject> AcceptedRequests { get; } = new();

    public int Requests => Volatile.Read(ref _requests);

    public int AcceptedCount => Volatile.Read(ref _accepted);

    public int FaultsInjected => Volatile.Read(ref _faults);

    public static async Task<FakeSendGridServer> StartAsync(int seed = 1)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            // Kestrel's default (about 28.6 MB) is below SendGrid's 30 MB: let the fake apply SendGrid's own limit.
            o.Limits.MaxRequestBodySize = 64L * 1024 * 1024;
        });
        var server = new FakeSendGridServer(builder.Build(), seed);
        await server._app.StartAsync();
        server.BaseAddress = new Uri(server._app.Urls.First());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var aborted = context.RequestAborted;
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + ApiKey)
        {
            await ErrorAsync(context, HttpStatusCode.Unauthorized, "The provided authorization grant is invalid, expired, or revoked", null);
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, aborted);
        if (buffer.Length >= 30L * 1024 * 1024)
        {
            await ErrorAsync(context, HttpStatusCode.RequestEntityTooLarge, "The JSON payload must be smaller than 30 MB.", null);
            return;
        }

        var fault = NextFault();
        var stallAfterAccepting = fault == FakeSendGridFault.AcceptThenStall;
        if (fault is { } injected && !stallAfterAccepting)
        {
            Interlocked.Increment(ref _faults);
            await InjectAsync(context, injected);
            return;
        }

        if (ForcedError is { } forced)
        {
            await ErrorAsync(context, forced.Status, forced.Message, forced.Field);
            return;
        }

        JsonObject? body;
        try
        {
            body = JsonNode.Parse(buffer.ToArray()) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        var errors = body is null ? [("Bad Request", (string?)null)] : FakeSendGridValidator.Validate(body, InvalidAddresses);
        if (errors.Count > 0)
        {
            await ErrorsAsync(context, HttpStatusCode.BadRequest, errors);
            return;
        }

        foreach (var email in FakeSendGridValidator.Recipients(body!))
        {
            Ledger.AddOrUpdate(email.ToLowerInvariant(), 1, (_, n) => n + 1);
        }

        if (KeepAcceptedBodies)
        {
            AcceptedRequests.Enqueue(body!);
        }

        Interlocked.Increment(ref _accepted);
        if (stallAfterAccepting)
        {
            try
            {
                await Task.Delay(TimeoutDelay, aborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.Headers["X-Message-Id"] = "fake-" + Guid.NewGuid().ToString("N")[..16];
    }

    private FakeSendGridFault? NextFault()
    {
        lock (_gate)
        {
            return FaultRate > 0 && _random.NextDouble() < FaultRate ? Faults[_random.Next(Faults.Count)] : null;
        }
    }

    private async Task InjectAsync(HttpContext context, FakeSendGridFault fault)
    {
        switch (fault)
        {
            case FakeSendGridFault.RateLimited:
                context.Response.Headers["X-RateLimit-Limit"] = "600";
                context.Response.Headers["X-RateLimit-Remaining"] = "0";
                context.Response.Headers["X-RateLimit-Reset"] = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ErrorAsync(context, HttpStatusCode.TooManyRequests, "too many requests", null);
                break;
            case FakeSendGridFault.ServerError:
                await ErrorAsync(context, HttpStatusCode.InternalServerError, "internal error", null);
                break;
            default:
                try
                {
                    // Stall before accepting anything: the client gives up and retries, and nothing was recorded.
                    await Task.Delay(TimeoutDelay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                await ErrorAsync(context, HttpStatusCode.ServiceUnavailable, "timed out", null);
                break;
        }
    }

    private static Task ErrorAsync(HttpContext context, HttpStatusCode status, string message, string? field) =>
        ErrorsAsync(context, status, [(message, field)]);

    private static async Task ErrorsAsync(HttpContext context, HttpStatusCode status, IReadOnlyList<(string Message, string? Field)> errors)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        var json = new JsonObject
        {
            ["errors"] = new JsonArray(errors.Select(e => (JsonNode)new JsonObject { ["message"] = e.Message, ["field"] = e.Field, ["help"] = null }).ToArray()),
        };
        await context.Response.WriteAsync(json.ToJsonString(), context.RequestAborted);
    }
}
