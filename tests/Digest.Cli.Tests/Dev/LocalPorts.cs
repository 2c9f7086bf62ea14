using System.Net;
using System.Net.Sockets;

namespace Digest.Cli.Tests.Dev;

/// <summary>Ports on 127.0.0.1 for the services a process test starts itself (Azurite, maildev, digest dev's site).</summary>
internal static class LocalPorts
{
    /// <summary>A port nothing listens on right now (the OS picks it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits up to 30 s until something accepts connections on <paramref name="port"/>.</summary>
    public static async Task WaitForListenerAsync(int port, string what)
    {
        for (var i = 0; i < 150; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException($"{what} did not start.");
    }
}
