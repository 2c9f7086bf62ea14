using System.Net;
using Microsoft.AspNetCore.Http;

namespace Digest.Functions.Http;

/// <summary>
/// The client's IP address, for per-client limits. Behind the Functions front end the connection comes from the
/// platform, which appends the client's address to X-Forwarded-For; the last entry is the one the platform added
/// (earlier entries are whatever the client sent, so they are not trusted). Without the header: the connection's address.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var forwarded = request.Headers["X-Forwarded-For"].ToString();
        if (!string.IsNullOrWhiteSpace(forwarded))
        {
            var last = forwarded.Split(',')[^1].Trim();
            // "203.0.113.7:51234" or "[2001:db8::1]:443": the port is not part of the client.
            if (IPEndPoint.TryParse(last, out var endpoint))
            {
                return endpoint.Address.ToString();
            }
        }

        return request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
