using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Digest.Email.Tests.Smtp;

/// <summary>A TCP relay on 127.0.0.1 in front of maildev that counts the SMTP sessions opened through it and can cut them.</summary>
internal sealed class SmtpProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<int, (TcpClient Client, TcpClient Server)> _open = new();
    private readonly int _target;
    private int _connections;

    public SmtpProxy(int target)
    {
        _target = target;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Sessions opened so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Sessions still open (neither side closed).</summary>
    public int Open => _open.Count;

    /// <summary>Cuts every open session, as a server or a NAT gateway dropping an idle connection would.</summary>
    public void DropAll()
    {
        foreach (var (_, (client, server)) in _open)
        {
            client.Close();
            server.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        DropAll();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            var id = Interlocked.Increment(ref _connections);
            var server = new TcpClient();
            await server.ConnectAsync(IPAddress.Loopback, _target);
            _open[id] = (client, server);
            _ = RelayAsync(id, client, server);
        }
    }

    private async Task RelayAsync(int id, TcpClient client, TcpClient server)
    {
        try
        {
            await Task.WhenAny(client.GetStream().CopyToAsync(server.GetStream()), server.GetStream().CopyToAsync(client.GetStream()));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // One side was cut.
        }
        finally
        {
            _open.TryRemove(id, out _);
            client.Close();
            server.Close();
        }
    }
}
