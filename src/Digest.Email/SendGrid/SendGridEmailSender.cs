using System.Net;
using System.Text;
using Digest.Core.Delivery;
using Digest.Core.Delivery.Subscribers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Digest.Email.SendGrid;

/// <summary>
/// <see cref="IEmailSender"/> over SendGrid v3 through the official client (<see cref="ISendGridClient"/>, whose
/// HttpClient carries the retry and attempt-timeout handler, see <see cref="SendGridResilience"/>): one request per up
/// to 1,000 unique recipients (split further when a request would reach 30 MB), each recipient one personalization,
/// so SendGrid renders the per-recipient substitutions.
/// <para>What comes back, and why (the caller keeps a delivery ledger and must never email anyone twice):</para>
/// <list type="bullet">
/// <item>Accepted (202, or 200 in sandbox mode): every recipient of the request, MessageId = X-Message-Id.</item>
/// <item>A recipient that cannot be sent (bad address, unsafe header, substitutions over 10,000 bytes): a failed
/// outcome for that recipient only; the others go out.</item>
/// <item>400 / 413: SendGrid rejects that request as it stands and a retry would be rejected
/// again, so every recipient of that request gets a failed outcome carrying SendGrid's messages; the batch's other
/// requests still go out and the caller records the failures (parks them) without blocking other batches. When
/// every error names a personalization ("personalizations.3.to"), only those recipients fail and the rest of the
/// request is sent again.</item>
/// <item>401 / 403 and other 4xx (key, account, configuration) and transient failures that outlast the handler's
/// retries (429, 5xx, timeouts, network): thrown, so the queue retries the batch and finally parks it in the poison queue, as long as nothing of
/// the batch was accepted yet. Once a request of this batch has been accepted, the sender never throws (that would
/// make a retry send those recipients again): the recipients not yet sent come back failed with a "not sent" reason.</item>
/// <item>A duplicate address in the batch (case-insensitive) is sent once; its outcome repeats the first one.</item>
/// </list>
/// </summary>
public sealed class SendGridEmailSender : IEmailSender
{
    /// <summary>SendGrid's path for POST /v3/mail/send (the client adds the version).</summary>
    private const string MailSendPath = "mail/send";

    private readonly ISendGridClient _client;
    private readonly SendGridOptions _options;
    private readonly ILogger _logger;

    public SendGridEmailSender(ISendGridClient client, IOptions<SendGridOptions> options, ILogger<SendGridEmailSender>? logger = null)
    {
        _client = client;
        _options = options.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The whole batch per call (one request per up to 1,000 recipients): SendGrid has no per-message idempotency to gain from smaller calls.</summary>
    public int RecipientsPerCall => int.MaxValue;

    public async Task<IReadOnlyList<RecipientOutcome>> SendAsync(EmailBatch batch, CancellationToken cancellationToken = default)
    {
        var recipients = batch.Recipients;
        var outcomes = new RecipientOutcome?[recipients.Count];
        var factory = new SendGridMessageFactory(_options);
        var (shared, contentError) = factory.BuildShared(batch.Content);
        if (shared is null)
        {
            SendGridLog.Rejected(_logger, recipients.Count, batch.BatchId, contentError!);
            return recipients.Select(r => Failed(r, contentError!)).ToList();
        }

        var (pending, personalizations, duplicateOf) = Prepare(batch, factory, outcomes);
        var accepted = 0;
        var perRequest = Math.Clamp(_options.MaxRecipientsPerRequest, 1, SendGridLimits.MaxPersonalizations);
        var work = new Stack<int[]>(pending.Chunk(perRequest).Reverse());
        while (work.TryPop(out var chunk))
        {
            // Serialized once: the size check and the request use the same JSON.
            var json = shared.ForRequest(chunk.Select(i => personalizations[i]!)).Serialize();
            var bytes = Encoding.UTF8.GetByteCount(json);
            if (bytes >= SendGridLimits.MaxRequestBytes)
            {
                if (chunk.Length == 1)
                {
                    outcomes[chunk[0]] = Failed(recipients[chunk[0]], "the message is 30 MB or more even for one recipient (SendGrid's request limit)");
                    continue;
                }

                work.Push(chunk[(chunk.Length / 2)..]);
                work.Push(chunk[..(chunk.Length / 2)]);
                continue;
            }

            try
            {
                var (status, messageId) = await SendRequestAsync(json, cancellationToken).ConfigureAwait(false);
                foreach (var i in chunk)
                {
                    outcomes[i] = new RecipientOutcome(recipients[i].SubscriberKey, true, messageId, null);
                }

                accepted += chunk.Length;
                SendGridLog.Accepted(_logger, chunk.Length, batch.BatchId, status, messageId, bytes);
            }
            catch (SendGridException e) when (e.IsRequestRejected)
            {
                // When SendGrid blames only some personalizations, fail those and send the rest again.
                var blamed = SendGridErrorFields.BlamedPersonalizations(e.Errors, chunk.Length);
                var failing = blamed is null ? chunk : blamed.Select(p => chunk[p]).ToArray();
                SendGridLog.Rejected(_logger, failing.Length, batch.BatchId, e.Message);
                foreach (var i in failing)
                {
                    outcomes[i] = Failed(recipients[i], e.Message);
                }

                if (blamed is not null)
                {
                    work.Push(chunk.Where((_, p) => !blamed.Contains(p)).ToArray());
                }
            }
            catch (Exception e) when (accepted > 0)
            {
                // Throwing now would make the queue resend the recipients already accepted above.
                var reason = $"not sent: {e.Message} (other recipients of this batch were already accepted, so these are returned for a retry of the rest)";
                var remaining = 0;
                for (var i = 0; i < outcomes.Length; i++)
                {
                    if (outcomes[i] is null && personalizations[i] is not null)
                    {
                        outcomes[i] = Failed(recipients[i], reason) with { Retryable = true };
                        remaining++;
                    }
                }

                SendGridLog.PartialFailure(_logger, batch.BatchId, accepted, remaining, e.Message);
                break;
            }
        }

        for (var i = 0; i < outcomes.Length; i++)
        {
            if (duplicateOf[i] >= 0)
            {
                outcomes[i] = outcomes[duplicateOf[i]]! with { SubscriberKey = recipients[i].SubscriberKey };
            }
        }

        return outcomes.Select(o => o!).ToList();
    }

    /// <summary>
    /// One POST /v3/mail/send through the official client. The HttpClient's resilience handler has already retried
    /// 429, 5xx and timeouts by the time an answer gets here; anything but 200/202 now is a
    /// <see cref="SendGridException"/> carrying every error SendGrid listed (never the key).
    /// </summary>
    private async Task<(HttpStatusCode Status, string? MessageId)> SendRequestAsync(string json, CancellationToken cancellationToken)
    {
        var response = await _client.RequestAsync(BaseClient.Method.POST, json, urlPath: MailSendPath, cancellationToken: cancellationToken).ConfigureAwait(false);
        using var body = response.Body;
        if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK)
        {
            var id = response.Headers is { } headers && headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null;
            return (response.StatusCode, id);
        }

        var text = body is null ? string.Empty : await body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new SendGridException(response.StatusCode, SendGridError.Parse(text));
    }

    private static (List<int> Pending, Personalization?[] Personalizations, int[] DuplicateOf) Prepare(
        EmailBatch batch, SendGridMessageFactory factory, RecipientOutcome?[] outcomes)
    {
        var recipients = batch.Recipients;
        var personalizations = new Personalization?[recipients.Count];
        var duplicateOf = new int[recipients.Count];
        var firstIndex = new Dictionary<string, int>(recipients.Count, StringComparer.OrdinalIgnoreCase);
        var pending = new List<int>(recipients.Count);
        for (var i = 0; i < recipients.Count; i++)
        {
            duplicateOf[i] = -1;
            var recipient = recipients[i];
            if (EmailAddressRules.Validate(recipient.Email, out var address) is { } addressError)
            {
                outcomes[i] = Failed(recipient, "invalid address: " + addressError);
                continue;
            }

            // SendGrid rejects a request naming the same address twice; the person gets one email either way.
            if (firstIndex.TryGetValue(address, out var first))
            {
                duplicateOf[i] = first;
                continue;
            }

            firstIndex[address] = i;
            var (personalization, error) = factory.BuildPersonalization(batch, recipient, address);
            if (personalization is null)
            {
                outcomes[i] = Failed(recipient, error!);
                continue;
            }

            personalizations[i] = personalization;
            pending.Add(i);
        }

        return (pending, personalizations, duplicateOf);
    }

    private static RecipientOutcome Failed(EmailRecipient recipient, string error) => new(recipient.SubscriberKey, false, null, error);
}
