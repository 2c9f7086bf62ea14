using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Digest.Email.Smtp;

/// <summary>
/// One MailKit SMTP session for a batch: connects (and authenticates) on first use, sends each message, and starts a
/// fresh session after a network, protocol or timeout failure (its state is unknown then). A rejected command
/// (<see cref="SmtpCommandException"/>) leaves the session usable: MailKit resets the transaction itself.
/// </summary>
internal sealed class SmtpConnection(SmtpOptions options) : IAsyncDisposable
{
    private SmtpClient _client = NewClient(options);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
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

            await _client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not SmtpCommandException)
        {
            _client.Dispose();
            _client = NewClient(options);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(quit: true).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or OperationCanceledException)
            {
                // QUIT is a courtesy: every message of the batch has its outcome already.
            }
        }

        _client.Dispose();
    }

    /// <summary>EnableSsl: implicit TLS on port 465 (RFC 8314), STARTTLS elsewhere (required, never silently plain).</summary>
    internal static SecureSocketOptions SocketOptions(SmtpOptions options) => options switch
    {
        { EnableSsl: false } => SecureSocketOptions.None,
        { Port: 465 } => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    private static SmtpClient NewClient(SmtpOptions options) => new()
    {
        Timeout = (int)Math.Min(options.Timeout.TotalMilliseconds, int.MaxValue),
    };
}
