using Digest.Core;
using Digest.Core.Delivery;
using Digest.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Functions.Functions.Unsubscribe;

/// <summary>
/// HTTP trigger GET/POST /api/unsubscribe (anonymous), through the ASP.NET Core integration. GET only shows a
/// confirmation page and changes nothing, because link scanners and previews fetch links. POST with the RFC 8058 body
/// "List-Unsubscribe=One-Click" (sent by mail clients from the List-Unsubscribe-Post header, and by the page's button)
/// unsubscribes. Tokens are HMAC-signed (<see cref="UnsubscribeToken"/>) and name the subscriber by key; a bad token
/// gets the same generic 400 whatever was wrong, and a valid token for an unknown subscriber the same page as a known
/// one, so the endpoint never reveals whether an address exists.
/// </summary>
public sealed class UnsubscribeFunction(
    UnsubscribeToken tokens, SubscriberDirectory directory, IOptions<DigestOptions> options, TimeProvider time, ILogger<UnsubscribeFunction> logger)
{
    public const string Name = "Unsubscribe";
    public const string Route = "api/unsubscribe"; // host.json routePrefix is "": every HTTP function names its full route
    private const string OneClickField = "List-Unsubscribe";
    private const string OneClickValue = "One-Click";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Route)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var title = options.Value.Title;
        var method = request.Method;

        var form = HttpMethods.IsPost(method) ? await FormReader.ReadAsync(request, cancellationToken).ConfigureAwait(false) : null;
        var token = request.Query["token"].ToString();
        if (string.IsNullOrEmpty(token) && form is not null)
        {
            token = form["token"].ToString();
        }

        // Cheap rejection first (HMAC only, no storage): a flood of bad tokens costs no storage calls. A token signed
        // for another list is not a token for this one.
        if (tokens.Verify(token) is not { } verified || verified.ListId != UnsubscribeToken.DailyList)
        {
            FunctionsLog.UnsubscribeRejected(logger, method, "invalid token");
            return UnsubscribePage.Invalid(title);
        }

        var (listId, subscriberKey) = verified;
        if (form is null)
        {
            // A valid token's holder may learn that this address is already off the list: asking again would suggest
            // the first click did not work. Unknown subscribers get the confirmation, like active ones.
            if (await IsUnsubscribedAsync(subscriberKey, cancellationToken).ConfigureAwait(false))
            {
                FunctionsLog.Unsubscribe(logger, method, "already unsubscribed shown", subscriberKey, listId);
                return UnsubscribePage.AlreadyDone(title);
            }

            FunctionsLog.Unsubscribe(logger, method, "confirmation shown", subscriberKey, listId);
            return UnsubscribePage.Confirm(title, token);
        }

        if (form[OneClickField] != OneClickValue)
        {
            FunctionsLog.UnsubscribeRejected(logger, method, "no List-Unsubscribe=One-Click in the body");
            return UnsubscribePage.Invalid(title);
        }

        string result;
        try
        {
            result = await UnsubscribeAsync(subscriberKey, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A page, not an exception: the mail provider retries the one-click POST on a 5xx.
            FunctionsLog.UnsubscribeFailed(logger, e, method);
            return UnsubscribePage.Unavailable(title);
        }

        FunctionsLog.Unsubscribe(logger, method, result, subscriberKey, listId);
        return UnsubscribePage.Done(title);
    }

    /// <summary>True when the subscriber exists and is unsubscribed; false otherwise, and when the store cannot say (the page then asks).</summary>
    private async Task<bool> IsUnsubscribedAsync(string subscriberKey, CancellationToken cancellationToken)
    {
        try
        {
            return (await directory.GetAsync(subscriberKey, cancellationToken).ConfigureAwait(false))?.Status == SubscriberStatus.Unsubscribed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            FunctionsLog.UnsubscribeFailed(logger, e, "GET");
            return false;
        }
    }

    /// <summary>Sets the subscriber's status; idempotent, and quiet about subscribers that do not exist.</summary>
    private async Task<string> UnsubscribeAsync(string subscriberKey, CancellationToken cancellationToken)
    {
        var subscriber = await directory.GetAsync(subscriberKey, cancellationToken).ConfigureAwait(false);
        if (subscriber is null)
        {
            return "unknown subscriber";
        }

        if (subscriber.Status == SubscriberStatus.Unsubscribed)
        {
            return "already unsubscribed";
        }

        if (subscriber.Status is SubscriberStatus.Bounced or SubscriberStatus.Complained)
        {
            // Already suppressed, for a stronger reason the record keeps (a complaint must not become a plain unsubscribe).
            return "already suppressed";
        }

        await directory.PutAsync(subscriber with { Status = SubscriberStatus.Unsubscribed, UpdatedAt = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        return "unsubscribed";
    }
}
