using System.Globalization;
using Digest.Core.Delivery.Subscribers;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Core.Delivery.Subscribing;

/// <summary>
/// Double opt-in. <see cref="RequestAsync"/> validates the address as an import does, stores a new address as
/// <see cref="SubscriberStatus.Pending"/> (an existing one keeps its status until it confirms) and sends one
/// confirmation email through the configured <see cref="IEmailSender"/>, at most one per address per
/// <see cref="SubscribersOptions.ConfirmationInterval"/> (the record is written ETag-guarded before the send, so racing
/// requests send one email) and at most <see cref="SubscribersOptions.RequestsPerClientPerHour"/> requests per client.
/// <see cref="ConfirmAsync"/> makes the subscriber active when the link is signed, unexpired and names the nonce the
/// record holds; the nonce is then cleared, so a link works once.
/// </summary>
public sealed partial class SubscribeJob(
    SubscriberDirectory directory,
    IBlobStore store,
    IEmailSender sender,
    IOptions<DigestOptions> options,
    IOptions<SubscribersOptions> subscribersOptions,
    TimeProvider time,
    ILogger<SubscribeJob> logger)
{
    /// <summary>The confirmation link's path: {PublicBaseUrl}/api/subscribe/confirm?token=...</summary>
    public const string ConfirmPath = "/api/subscribe/confirm";

    private const int MaxAttempts = 8;
    private ConfirmationToken? _tokens;

    private ConfirmationToken Tokens => _tokens ??= new ConfirmationToken(options.Value.UnsubscribeSigningKey
        ?? throw new InvalidOperationException("Digest:UnsubscribeSigningKey is not configured: confirmation links cannot be signed."));

    /// <param name="email">The address as typed.</param>
    /// <param name="name">Display name, optional (used for a new address only: a form cannot rename someone).</param>
    /// <param name="client">Who asks (the client's IP address); only a keyed hash of it is stored.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<SubscribeOutcome> RequestAsync(string? email, string? name, string client, CancellationToken cancellationToken = default)
    {
        var (row, error) = SubscriberFields.Create("form", email, name, null, null);
        if (row is null)
        {
            LogRejected(logger, error!.Code);
            return SubscribeOutcome.Invalid;
        }

        if (!await TakeClientSlotAsync(client, cancellationToken).ConfigureAwait(false))
        {
            LogClientLimited(logger);
            return SubscribeOutcome.ClientLimited;
        }

        var settings = subscribersOptions.Value;
        var key = SubscriberKey.For(row.Email);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var (existing, etag) = await directory.ReadAsync(key, cancellationToken).ConfigureAwait(false);
            if (existing is { Status: SubscriberStatus.Active })
            {
                LogRequest(logger, key, "already active, nothing sent");
                return SubscribeOutcome.Accepted;
            }

            if (existing?.Confirmation is { } open && now - open.SentAt < settings.ConfirmationInterval)
            {
                LogRequest(logger, key, "a confirmation was sent within the interval, nothing sent");
                return SubscribeOutcome.Accepted;
            }

            var confirmation = new PendingConfirmation(ConfirmationToken.NewNonce(), now);
            var next = existing is null
                ? new Subscriber(row.Email, row.Name, SubscriberStatus.Pending, now, now, []) { Confirmation = confirmation }
                : existing with { Confirmation = confirmation };
            if (!await directory.TryPutAsync(next, etag, cancellationToken).ConfigureAwait(false))
            {
                continue; // another request wrote first: decide again on what it wrote
            }

            await SendAsync(next, confirmation, cancellationToken).ConfigureAwait(false);
            LogRequest(logger, key, existing is null ? "new address, confirmation sent" : "confirmation sent");
            return SubscribeOutcome.Accepted;
        }

        // Requests for this address kept racing: one of them sent the confirmation.
        return SubscribeOutcome.Accepted;
    }

    /// <summary>Whether a link is usable, without changing anything (the page behind the link's GET).</summary>
    public async Task<ConfirmOutcome> CheckAsync(string? token, CancellationToken cancellationToken = default)
    {
        var (outcome, _) = await ResolveAsync(token, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>Confirms: the subscriber becomes active (from pending, or from unsubscribed, bounced or complained).</summary>
    public async Task<ConfirmOutcome> ConfirmAsync(string? token, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (outcome, found) = await ResolveAsync(token, cancellationToken).ConfigureAwait(false);
            if (outcome != ConfirmOutcome.Confirmed)
            {
                LogConfirm(logger, outcome.ToString());
                return outcome;
            }

            var (subscriber, etag) = found!.Value;
            var next = subscriber with { Status = SubscriberStatus.Active, UpdatedAt = time.GetUtcNow(), Confirmation = null, SoftBounces = null };
            if (await directory.TryPutAsync(next, etag, cancellationToken).ConfigureAwait(false))
            {
                LogConfirmed(logger, subscriber.Key, SubscriberFields.Format(subscriber.Status));
                return ConfirmOutcome.Confirmed;
            }
        }

        throw new InvalidOperationException("The subscriber record kept changing during the confirmation; try again.");
    }

    private async Task<(ConfirmOutcome Outcome, (Subscriber Subscriber, string ETag)? Found)> ResolveAsync(string? token, CancellationToken cancellationToken)
    {
        // Signature first (no storage call for a forged token).
        if (Tokens.Verify(token) is not { } claim)
        {
            return (ConfirmOutcome.Invalid, null);
        }

        if (time.GetUtcNow() > claim.Expires)
        {
            return (ConfirmOutcome.Expired, null);
        }

        var (subscriber, etag) = await directory.ReadAsync(claim.SubscriberKey, cancellationToken).ConfigureAwait(false);
        return subscriber?.Confirmation?.Nonce == claim.Nonce && etag is not null
            ? (ConfirmOutcome.Confirmed, (subscriber, etag))
            : (ConfirmOutcome.Invalid, null);
    }

    private async Task SendAsync(Subscriber subscriber, PendingConfirmation confirmation, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var lifetime = subscribersOptions.Value.ConfirmationLifetime;
        var link = settings.PublicBaseUrl.TrimEnd('/') + ConfirmPath + "?token=" + Tokens.Create(subscriber.Key, confirmation.Nonce, confirmation.SentAt + lifetime);
        var content = ConfirmationEmail.Content(settings, link, lifetime);
        var recipient = new EmailRecipient(subscriber.Email, subscriber.Name, subscriber.Key, new Dictionary<string, string>(), new Dictionary<string, string>());
        var id = "confirm-" + confirmation.Nonce;
        IReadOnlyList<RecipientOutcome> outcomes;
        try
        {
            outcomes = await sender.SendAsync(new EmailBatch(id, id, content, [recipient]), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Nothing was sent: drop the claim so asking again does not wait out the interval.
            await ReleaseAsync(subscriber.Key, confirmation.Nonce).ConfigureAwait(false);
            throw;
        }

        if (outcomes.FirstOrDefault() is { Accepted: false } rejected)
        {
            LogNotSent(logger, subscriber.Key, rejected.Error ?? "rejected");
        }
    }

    private async Task ReleaseAsync(string key, string nonce)
    {
        var (subscriber, etag) = await directory.ReadAsync(key, CancellationToken.None).ConfigureAwait(false);
        if (subscriber?.Confirmation?.Nonce == nonce)
        {
            await directory.TryPutAsync(subscriber with { Confirmation = null }, etag, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Counts the request against the client's hour: state/subscribe-clients/&lt;hour&gt;/&lt;keyed hash&gt;, a number
    /// updated ETag-guarded. False when the client is over the limit.
    /// </summary>
    private async Task<bool> TakeClientSlotAsync(string client, CancellationToken cancellationToken)
    {
        var limit = subscribersOptions.Value.RequestsPerClientPerHour;
        var hour = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);
        var name = Containers.SubscribeClient(hour, Tokens.Pseudonym(client));
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var blob = await store.GetAsync(Containers.State, name, cancellationToken).ConfigureAwait(false);
            var count = blob is null ? 0 : int.Parse(blob.Content.ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
            if (count >= limit)
            {
                return false;
            }

            var write = blob is null ? BlobWriteOptions.CreateOnly("text/plain") : new BlobWriteOptions { IfMatch = blob.Properties.ETag, ContentType = "text/plain" };
            var result = await store.PutAsync(Containers.State, name, BinaryData.FromString((count + 1).ToString(CultureInfo.InvariantCulture)), write, cancellationToken).ConfigureAwait(false);
            if (result.Written)
            {
                return true;
            }
        }

        return false; // this client's requests keep racing each other: a burst, refused
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscribe request for {SubscriberKey}: {Result}")]
    private static partial void LogRequest(ILogger logger, string subscriberKey, string result);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscribe request rejected: {Code}")]
    private static partial void LogRejected(ILogger logger, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribe request refused: the client is over its hourly limit")]
    private static partial void LogClientLimited(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Confirmation link not used: {Outcome}")]
    private static partial void LogConfirm(ILogger logger, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberKey} confirmed (was {Status}): active")]
    private static partial void LogConfirmed(ILogger logger, string subscriberKey, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Confirmation for {SubscriberKey} was rejected by the provider: {Error}")]
    private static partial void LogNotSent(ILogger logger, string subscriberKey, string error);
}
