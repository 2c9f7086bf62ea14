using Digest.Core;
using Digest.Core.Delivery;
using Digest.Functions.Invocation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Digest.Functions.Functions.Unsubscribe;

/// <summary>
/// HTTP trigger "unsubscribe" (anonymous, GET and POST), forwarded raw by the host (enableForwardingHttpRequest) to
/// /api/unsubscribe. GET only shows a confirmation page and changes nothing, because link scanners and previews
/// fetch links. POST with the RFC 8058 body "List-Unsubscribe=One-Click" (sent by mail clients from the
/// List-Unsubscribe-Post header, and by the page's button) unsubscribes. Tokens are HMAC-signed
/// (<see cref="UnsubscribeToken"/>) and name the subscriber by key; any signed list id is accepted (one list today).
/// </summary>
internal static class UnsubscribeFunction
{
    public const string Name = "Unsubscribe";
    public const string Path = "/api/unsubscribe";
    private const string OneClickField = "List-Unsubscribe";
    private const string OneClickValue = "One-Click";
    private const long MaxFormBytes = 16 * 1024;

    public static IEndpointConventionBuilder MapUnsubscribe(this IEndpointRouteBuilder app) =>
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], HandleAsync);

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var title = services.GetRequiredService<IOptions<DigestOptions>>().Value.Title;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Digest.Functions." + Name);
        var method = context.Request.Method;

        var form = HttpMethods.IsPost(method) ? await ReadFormAsync(context.Request).ConfigureAwait(false) : null;
        var token = context.Request.Query["token"].ToString();
        if (string.IsNullOrEmpty(token) && form is not null)
        {
            token = form["token"].ToString();
        }

        if (services.GetRequiredService<UnsubscribeToken>().Verify(token) is not { } verified)
        {
            HandlerLog.UnsubscribeRejected(logger, method, "invalid token");
            await UnsubscribePage.InvalidAsync(context, title).ConfigureAwait(false);
            return;
        }

        var (listId, subscriberKey) = verified;

        if (form is null)
        {
            HandlerLog.Unsubscribe(logger, method, "confirmation shown", subscriberKey, listId);
            await UnsubscribePage.ConfirmAsync(context, title, token).ConfigureAwait(false);
            return;
        }

        if (form[OneClickField] != OneClickValue)
        {
            HandlerLog.UnsubscribeRejected(logger, method, "no List-Unsubscribe=One-Click in the body");
            await UnsubscribePage.InvalidAsync(context, title).ConfigureAwait(false);
            return;
        }

        string result;
        try
        {
            result = await UnsubscribeAsync(services, subscriberKey, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            HandlerLog.Failed(logger, e, Name);
            await UnsubscribePage.UnavailableAsync(context, title).ConfigureAwait(false);
            return;
        }

        HandlerLog.Unsubscribe(logger, method, result, subscriberKey, listId);
        await UnsubscribePage.DoneAsync(context, title).ConfigureAwait(false);
    }

    /// <summary>Sets the subscriber's status; idempotent, and quiet about subscribers that do not exist.</summary>
    private static async Task<string> UnsubscribeAsync(IServiceProvider services, string subscriberKey, CancellationToken cancellationToken)
    {
        var directory = services.GetRequiredService<SubscriberDirectory>();
        var subscriber = await directory.GetAsync(subscriberKey, cancellationToken).ConfigureAwait(false);
        if (subscriber is null)
        {
            return "unknown subscriber";
        }

        if (subscriber.Status == SubscriberStatus.Unsubscribed)
        {
            return "already unsubscribed";
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await directory.PutAsync(subscriber with { Status = SubscriberStatus.Unsubscribed, UpdatedAt = now }, cancellationToken).ConfigureAwait(false);
        return "unsubscribed";
    }

    /// <summary>The POST body as a form (RFC 8058 allows urlencoded or multipart); empty when it is not a small form.</summary>
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request)
    {
        if (!request.HasFormContentType || request.ContentLength > MaxFormBytes)
        {
            return FormCollection.Empty;
        }

        try
        {
            return await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return FormCollection.Empty;
        }
    }
}
