using System.Collections.Concurrent;
using System.Net.Sockets;
using Digest.Core.Delivery;
using Digest.Core.Delivery.Subscribers;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;
using Polly.Retry;

namespace Digest.Email.Smtp;

/// <summary>
/// <see cref="IEmailSender"/> over SMTP (MailKit): one message per recipient, built by
/// <see cref="EmailMessageFactory"/> with the recipient's substitutions. A message that fails transiently (4xx,
/// connection, protocol, timeout) is retried a few times (Polly). Outcomes follow the same rules as the SendGrid sender:
/// a permanent mailbox rejection (5xx to RCPT TO) is a failed outcome for that recipient; a transient failure that
/// outlasts the retries, or a server-level failure (authentication, a 5xx to MAIL FROM or DATA), throws while nothing
/// of the batch was accepted yet, so the queue retries or parks the batch; once a message of the batch was accepted
/// it never throws (a retry would send those again) and the recipients not yet sent come back failed with a "not
/// sent" reason. The job calls it once per message; the SMTP sessions outlive the calls: each call takes an idle
/// session (or opens one) and gives it back, so a batch goes over one session and concurrent batches over one each.
/// Disposing the sender (the host's container does) closes them.
/// </summary>
public sealed class SmtpEmailSender : IEmailSender, IAsyncDisposable, IDisposable
{
    private readonly SmtpOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<MimeMessage, CancellationToken, Task>? _transport;
    private readonly ResiliencePipeline _retry;
    private readonly EmailMessageFactory _factory;
    private readonly ConcurrentStack<SmtpConnection> _idle = new();

    public SmtpEmailSender(IOptions<SmtpOptions> options, TimeProvider time, ILogger<SmtpEmailSender>? logger = null)
        : this(options.Value, time, logger, transport: null)
    {
    }

    /// <summary>Test seam: <paramref name="transport"/> replaces the SMTP session.</summary>
    internal SmtpEmailSender(SmtpOptions options, TimeProvider time, ILogger? logger, Func<MimeMessage, CancellationToken, Task>? transport)
    {
        _options = options;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        _transport = transport;
        _factory = new EmailMessageFactory(time);
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

    /// <summary>One message per call: the job claims and settles each recipient around its own SMTP transaction.</summary>
    public int RecipientsPerCall => 1;

    public async Task<IReadOnlyList<RecipientOutcome>> SendAsync(EmailBatch batch, CancellationToken cancellationToken = default)
    {
        var recipients = batch.Recipients;
        var (from, contentError) = EmailMessageFactory.CheckContent(batch.Content, _options.FromAddress, _options.FromName);
        if (from is null)
        {
            return recipients.Select(r => Failed(r, contentError!)).ToList();
        }

        var session = _transport is null ? Rent() : null;
        try
        {
            return await SendAsync(batch, from, _transport ?? session!.SendAsync, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (session is not null)
            {
                _idle.Push(session);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryPop(out var session))
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        while (_idle.TryPop(out var session))
        {
            session.Dispose();
        }
    }

    private SmtpConnection Rent() => _idle.TryPop(out var session) ? session : new SmtpConnection(_options, _time);

    private async Task<IReadOnlyList<RecipientOutcome>> SendAsync(EmailBatch batch, MailboxAddress from, Func<MimeMessage, CancellationToken, Task> transport, CancellationToken cancellationToken)
    {
        var recipients = batch.Recipients;
        var outcomes = new RecipientOutcome?[recipients.Count];
        var firstIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var accepted = 0;
        for (var i = 0; i < recipients.Count; i++)
        {
            var recipient = recipients[i];
            if (EmailAddressRules.Validate(recipient.Email, out var address) is null && firstIndex.TryGetValue(address, out var first))
            {
                outcomes[i] = outcomes[first]! with { SubscriberKey = recipient.SubscriberKey };
                continue;
            }

            var (built, error) = _factory.Create(from, batch, recipient);
            if (built is null)
            {
                outcomes[i] = Failed(recipient, error!);
                continue;
            }

            firstIndex[address] = i;
            using var message = built;
            try
            {
                await _retry.ExecuteAsync(async ct => await SendOneAsync(transport, message, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                outcomes[i] = new RecipientOutcome(recipient.SubscriberKey, true, message.MessageId, null);
                accepted++;
            }
            catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted && IsPermanent(e.StatusCode))
            {
                SmtpLog.Rejected(_logger, recipient.SubscriberKey, e.StatusCode.ToString());
                outcomes[i] = Failed(recipient, $"the SMTP server rejected the mailbox ({(int)e.StatusCode} {e.StatusCode})");
            }
            catch (Exception e) when (accepted > 0 && IsSessionFailure(e))
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

    private async Task SendOneAsync(Func<MimeMessage, CancellationToken, Task> transport, MimeMessage message, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        await transport(message, linked.Token).ConfigureAwait(false);
    }

    /// <summary>RFC 5321 4.2.1: 5yz is a permanent negative completion; 4yz is transient.</summary>
    private static bool IsPermanent(SmtpStatusCode status) => (int)status is >= 500 and < 600;

    private static bool IsTransient(Exception e, CancellationToken callerToken) => e switch
    {
        SmtpCommandException command => !IsPermanent(command.StatusCode),
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>Failures of the server or the connection rather than of one recipient.</summary>
    private static bool IsSessionFailure(Exception e) =>
        e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException
            or OperationCanceledException or MailKit.Security.AuthenticationException;

    private static string Describe(Exception e) => e is SmtpCommandException command ? $"SMTP {(int)command.StatusCode} {command.StatusCode}" : e.GetType().Name;

    private static RecipientOutcome Failed(EmailRecipient recipient, string error) => new(recipient.SubscriberKey, false, null, error);
}
