using Digest.Core;
using Digest.Core.Delivery.Subscribing;
using Digest.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Functions.Functions.Subscribe;

/// <summary>
/// Double opt-in over HTTP (anonymous), through <see cref="SubscribeJob"/>. GET /api/subscribe shows the form; POST
/// (email, optional name) asks for a confirmation email and always answers the same "check your inbox" page when the
/// address is usable, known or not. GET /api/subscribe/confirm?token=... shows a confirm button and changes nothing
/// (link scanners fetch links); POST confirms. A forged, used or expired link gets a page saying so and changes nothing.
/// `digest dev` serves both routes through this same class.
/// </summary>
public sealed class SubscribeFunction(SubscribeJob job, IOptions<DigestOptions> options, ILogger<SubscribeFunction> logger)
{
    public const string Name = "Subscribe";
    public const string Route = "api/subscribe"; // host.json routePrefix is "": every HTTP function names its full route
    public const string ConfirmName = "SubscribeConfirm";
    public const string ConfirmRoute = "api/subscribe/confirm";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Route)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var title = options.Value.Title;
        if (!HttpMethods.IsPost(request.Method))
        {
            return SubscribePage.Form(title);
        }

        var form = await FormReader.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            return await job.RequestAsync(form["email"].ToString(), form["name"].ToString(), ClientAddress.Of(request), cancellationToken).ConfigureAwait(false) switch
            {
                SubscribeOutcome.Accepted => SubscribePage.CheckInbox(title),
                SubscribeOutcome.ClientLimited => SubscribePage.TooMany(title),
                _ => SubscribePage.Invalid(title),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            FunctionsLog.SubscribeFailed(logger, e, request.Method);
            return SubscribePage.Unavailable(title);
        }
    }

    [Function(ConfirmName)]
    public async Task<IActionResult> ConfirmAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = ConfirmRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var title = options.Value.Title;
        var post = HttpMethods.IsPost(request.Method);
        var token = request.Query["token"].ToString();
        if (string.IsNullOrEmpty(token) && post)
        {
            token = (await FormReader.ReadAsync(request, cancellationToken).ConfigureAwait(false))["token"].ToString();
        }

        try
        {
            var outcome = post
                ? await job.ConfirmAsync(token, cancellationToken).ConfigureAwait(false)
                : await job.CheckAsync(token, cancellationToken).ConfigureAwait(false);
            return outcome switch
            {
                ConfirmOutcome.Confirmed => post ? SubscribePage.Confirmed(title) : SubscribePage.Confirm(title, token),
                ConfirmOutcome.Expired => SubscribePage.LinkExpired(title),
                _ => SubscribePage.LinkInvalid(title),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            FunctionsLog.SubscribeFailed(logger, e, request.Method);
            return SubscribePage.Unavailable(title);
        }
    }
}
