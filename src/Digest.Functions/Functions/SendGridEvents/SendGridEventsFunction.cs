using System.Globalization;
using System.Text;
using Digest.Core.Delivery.Events;
using Digest.Core.Delivery.Subscribing;
using Digest.Email.SendGrid;
using Digest.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Functions.Functions.SendGridEvents;

/// <summary>
/// HTTP trigger POST /api/sendgrid/events: SendGrid's Signed Event Webhook. Anonymous at the host, because the
/// signature is the authentication: a request without the signature headers gets 401, a bad signature or a timestamp
/// more than 5 minutes away from now 403 (a replayed capture), and nothing is read from the store before that.
/// A body that is too large or not a batch of events gets 400 and changes nothing; otherwise the batch goes to
/// <see cref="DeliveryEventsJob"/> (idempotent) and a storage failure gets 503, so SendGrid retries.
/// `digest dev` serves this route through this same class.
/// </summary>
public sealed class SendGridEventsFunction(DeliveryEventsJob job, IOptions<SubscribersOptions> options, TimeProvider time, ILogger<SendGridEventsFunction> logger)
{
    public const string Name = "SendGridEvents";
    public const string Route = "api/sendgrid/events";

    /// <summary>How far the signed timestamp may be from now.</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.SendGridWebhookPublicKey))
        {
            FunctionsLog.EventsRejected(logger, 503, "Digest:Subscribers:SendGridWebhookPublicKey is not set");
            return Answer(StatusCodes.Status503ServiceUnavailable, "the webhook's public key is not configured");
        }

        var signature = request.Headers[SendGridEventWebhook.SignatureHeader].ToString();
        var timestamp = request.Headers[SendGridEventWebhook.TimestampHeader].ToString();
        if (signature.Length == 0 || timestamp.Length == 0)
        {
            FunctionsLog.EventsRejected(logger, 401, "unsigned");
            return Answer(StatusCodes.Status401Unauthorized, "unsigned request");
        }

        if (request.ContentLength > settings.MaxEventBatchBytes)
        {
            FunctionsLog.EventsRejected(logger, 400, "body too large");
            return Answer(StatusCodes.Status400BadRequest, "body too large");
        }

        var payload = await ReadBodyAsync(request, settings.MaxEventBatchBytes, cancellationToken).ConfigureAwait(false);
        if (payload is null)
        {
            FunctionsLog.EventsRejected(logger, 400, "body too large");
            return Answer(StatusCodes.Status400BadRequest, "body too large");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > MaxSkew)
        {
            FunctionsLog.EventsRejected(logger, 403, "timestamp missing or more than 5 minutes from now");
            return Answer(StatusCodes.Status403Forbidden, "stale or bad timestamp");
        }

        bool verified;
        try
        {
            verified = SendGridEventWebhook.Verify(settings.SendGridWebhookPublicKey, payload, signature, timestamp);
        }
        catch (FormatException e)
        {
            // The setting is not a key (e.g. an unresolved Key Vault reference): an operator's error, so SendGrid retries.
            FunctionsLog.EventsRejected(logger, 503, e.Message);
            return Answer(StatusCodes.Status503ServiceUnavailable, "the webhook's public key is not usable");
        }

        if (!verified)
        {
            FunctionsLog.EventsRejected(logger, 403, "bad signature");
            return Answer(StatusCodes.Status403Forbidden, "bad signature");
        }

        var (events, error) = SendGridEventWebhook.Parse(payload);
        if (events is null)
        {
            FunctionsLog.EventsRejected(logger, 400, error!);
            return Answer(StatusCodes.Status400BadRequest, error!);
        }

        try
        {
            var outcome = await job.RunAsync(events, cancellationToken).ConfigureAwait(false);
            FunctionsLog.EventsHandled(logger, events.Count, outcome.Recorded, outcome.Duplicates, outcome.Suppressed);
            return Answer(StatusCodes.Status200OK, "ok");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            FunctionsLog.EventsFailed(logger, e);
            return Answer(StatusCodes.Status503ServiceUnavailable, "storage unavailable; retry");
        }
    }

    /// <summary>The body as UTF-8 text, or null when it is longer than <paramref name="limit"/> (a chunked body has no length up front).</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static TextResponse Answer(int status, string text) => new(status, text);
}
