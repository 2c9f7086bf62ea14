using System.Net;
using System.Net.Mail;
using System.Text;
using Digest.Core.Delivery;
using Digest.Core.Delivery.Subscribers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Digest.Email.Smtp;

/// <summary>
/// <see cref="IEmailSender"/> over SMTP (System.Net.Mail): one message per recipient, rendered locally with the
/// recipient's substitutions. A message that fails transiently (4xx, connection, timeout) is retried a few times.
/// Outcomes follow the same rules as the SendGrid sender:
/// a permanent mailbox rejection (5xx for that recipient) is a failed outcome; a transient failure that outlasts
/// the retries, or a server-level 5xx (authentication, policy), throws while nothing of the batch was accepted yet,
/// so the queue retries or parks the batch; once a message of the batch was accepted it never throws (a retry would
/// send those again) and the recipients not yet sent come back failed with a "not sent" reason.
/// </summary>
public sealed class SmtpEmailSender : IEmailSender
{
    private readonly SmtpOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<MailMessage, CancellationToken, Task>? _transport;
    private readonly ResiliencePipeline _retry;

    public SmtpEmailSender(IOptions<SmtpOptions> options, TimeProvider time, ILogger<SmtpEmailSender>? logger = null)
        : this(options.Value, time, logger, transport: null)
    {
    }

    /// <summary>Test seam: <paramref name="transport"/> replaces the SMTP connection.</summary>
    internal SmtpEmailSender(SmtpOptions options, TimeProvider time, ILogger? logger, Func<MailMessage, CancellationToken, Task>? transport)
    {
        _options = options;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        _transport = transport;
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsTransient(e, args.Context.CancellationToken)),
            });
        }

        _retry = builder.Build();
    }

    public async Task<IReadOnlyList<RecipientOutcome>> SendAsync(EmailBatch batch, CancellationToken cancellationToken = default)
    {
        var recipients = batch.Recipients;
        if (CheckContent(batch.Content, out var from) is { } contentError)
        {
            return recipients.Select(r => Failed(r, contentError)).ToList();
        }

        using var client = _transport is null ? CreateClient() : null;
        var transport = _transport ?? ((m, ct) => client!.SendMailAsync(m, ct));
        var outcomes = new RecipientOutcome?[recipients.Count];
        var firstIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var accepted = 0;
        for (var i = 0; i < recipients.Count; i++)
        {
            var recipient = recipients[i];
            if (EmailAddressRules.Validate(recipient.Email, out var address) is { } addressError)
            {
                outcomes[i] = Failed(recipient, "invalid address: " + addressError);
                continue;
            }

            if (firstIndex.TryGetValue(address, out var first))
            {
                outcomes[i] = outcomes[first]! with { SubscriberKey = recipient.SubscriberKey };
                continue;
            }

            firstIndex[address] = i;
            if (EmailHeaderRules.ValidateAll(recipient.Headers) is { } headerError)
            {
                outcomes[i] = Failed(recipient, headerError);
                continue;
            }

            var messageId = $"<{Guid.NewGuid():N}@{from!.Host}>";
            try
            {
                using var message = SmtpMessageFactory.Create(from, batch.Content, recipient, address, messageId);
                await _retry.ExecuteAsync(async ct => await SendOneAsync(transport, message, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                outcomes[i] = new RecipientOutcome(recipient.SubscriberKey, true, messageId, null);
                accepted++;
            }
            catch (SmtpFailedRecipientException e) when (IsPermanent(e.StatusCode))
            {
                SmtpLog.Rejected(_logger, recipient.SubscriberKey, e.StatusCode.ToString());
                outcomes[i] = Failed(recipient, $"the SMTP server rejected the mailbox ({(int)e.StatusCode} {e.StatusCode})");
            }
            catch (Exception e) when (accepted > 0 && e is SmtpException or IOException or OperationCanceledException)
            {
                var reason = $"not sent: {Describe(e)} (other recipients of this batch were already accepted, so these are returned for a retry of the rest)";
                var remaining = 0;
                for (var j = i; j < recipients.Count; j++)
                {
                    if (outcomes[j] is null)
                    {
                        outcomes[j] = Failed(recipients[j], reason) with { Retryable = true };
                        remaining++;
                    }
                }

                SmtpLog.PartialFailure(_logger, batch.BatchId, accepted, remaining, Describe(e));
                break;
            }
        }

        SmtpLog.Sent(_logger, accepted, recipients.Count, batch.BatchId);
        return outcomes.Select(o => o!).ToList();
    }

    private async Task SendOneAsync(Func<MailMessage, CancellationToken, Task> transport, MailMessage message, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        await transport(message, linked.Token).ConfigureAwait(false);
    }

    private SmtpClient CreateClient()
    {
        var client = new SmtpClient(_options.Host, _options.Port)
        {
            EnableSsl = _options.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            UseDefaultCredentials = false,
            Timeout = (int)Math.Min(_options.Timeout.TotalMilliseconds, int.MaxValue),
        };
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            client.Credentials = new NetworkCredential(_options.UserName, _options.Password);
        }

        return client;
    }

    private string? CheckContent(EmailContent content, out MailAddress? from)
    {
        from = null;
        if (EmailAddressRules.Validate(_options.FromAddress ?? content.FromAddress, out var fromAddress) is { } fromError)
        {
            return "invalid from address: " + fromError;
        }

        var fromName = _options.FromName ?? content.FromName;
        if (fromName?.Any(char.IsControl) == true)
        {
            return "the from name contains control characters";
        }

        if (string.IsNullOrWhiteSpace(content.Subject) || content.Subject.Any(char.IsControl))
        {
            return "the subject is empty or contains control characters (CR/LF)";
        }

        from = new MailAddress(fromAddress, fromName, Encoding.UTF8);
        return null;
    }

    /// <summary>RFC 5321 4.2.1: 5yz is a permanent negative completion; 4yz and connection failures are transient.</summary>
    private static bool IsPermanent(SmtpStatusCode status) => (int)status is >= 500 and < 600;

    private static bool IsTransient(Exception e, CancellationToken callerToken) => e switch
    {
        SmtpException smtp => !IsPermanent(smtp.StatusCode),
        IOException => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };

    private static string Describe(Exception e) => e is SmtpException smtp ? $"SMTP {(int)smtp.StatusCode} {smtp.StatusCode}" : e.GetType().Name;

    private static RecipientOutcome Failed(EmailRecipient recipient, string error) => new(recipient.SubscriberKey, false, null, error);
}
