using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Digest.Email.Smtp;

/// <summary>
/// One MailKit SMTP session, reused for message after message: connects (and authenticates) on first use and stays
/// connected. After a network, protocol or timeout failure its state is unknown, so the next message starts a fresh
/// session. A rejected command (<see cref="SmtpCommandException"/>) leaves the session usable: MailKit resets the
/// transaction itself (RSET). A reused session that turns out to be closed before the server accepted MAIL FROM is
/// reconnected once and the message sent on the new session: nothing of it can have been delivered.
/// </summary>
internal sealed class SmtpConnection(SmtpOptions options, TimeProvider time) : IAsyncDisposable, IDisposable
{
    /// <summary>
    /// A session idle longer than this is closed rather than reused: servers drop idle clients (maildev's smtp-server
    /// after 60 seconds; RFC 5321 4.5.3.2.7 asks for at least 5 minutes) and NAT gateways forget idle flows silently,
    /// which a reused session would only notice after a full <see cref="SmtpOptions.Timeout"/>.
    /// </summary>
    internal static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(30);

    private Client _client = NewClient(options);
    private long _lastUsed;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (_client.IsConnected && time.GetElapsedTime(_lastUsed) > IdleLimit)
        {
            Reset();
        }

        var reused = _client.IsConnected;
        try
        {
            if (!_client.IsConnected)
            {
                await _client.ConnectAsync(options.Host, options.Port, SocketOptions(options), cancellationToken).ConfigureAwait(false);
                if (!string.IsNullOrEmpty(options.UserName))
                {
                    await _client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
                }
            }

            _client.SenderAccepted = false;
            await _client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not SmtpCommandException || Closing(e))
        {
            var closedWhileIdle = reused && !_client.SenderAccepted && !cancellationToken.IsCancellationRequested && IsConnectionLost(e);
            Reset();
            if (!closedWhileIdle)
            {
                throw;
            }

            await SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lastUsed = time.GetTimestamp();
        }
    }

    /// <summary>QUIT (RFC 5321 4.1.1.10) on a session still in use; one idle too long is only closed (no reply to wait for).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected && time.GetElapsedTime(_lastUsed) <= IdleLimit)
        {
            try
            {
                await _client.DisconnectAsync(quit: true).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
            {
                // QUIT is a courtesy: every message sent on the session has its outcome already.
            }
        }

        _client.Dispose();
    }

    /// <summary>Closes the socket without QUIT (for a synchronous dispose of the host).</summary>
    public void Dispose() => _client.Dispose();

    /// <summary>EnableSsl: implicit TLS on port 465 (RFC 8314), STARTTLS elsewhere (required, never silently plain).</summary>
    internal static SecureSocketOptions SocketOptions(SmtpOptions options) => options switch
    {
        { EnableSsl: false } => SecureSocketOptions.None,
        { Port: 465 } => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    private void Reset()
    {
        _client.Dispose();
        _client = NewClient(options);
    }

    /// <summary>421: the server is closing the channel (RFC 5321 3.8), e.g. after its idle timeout.</summary>
    private static bool Closing(Exception e) => e is SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable };

    private static bool IsConnectionLost(Exception e) =>
        e is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException || Closing(e);

    private static Client NewClient(SmtpOptions options) => new()
    {
        Timeout = (int)Math.Min(options.Timeout.TotalMilliseconds, int.MaxValue),
    };

    /// <summary>MailKit's client, noting whether the server accepted MAIL FROM of the message being sent.</summary>
    private sealed class Client : SmtpClient
    {
        public bool SenderAccepted { get; set; }

        protected override void OnSenderAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
        {
            SenderAccepted = true;
            base.OnSenderAccepted(message, mailbox, response);
        }
    }
}
