using System.Globalization;

namespace Digest.Core.Delivery;

/// <summary>Who makes a delivery claim: this process (host name, process id and a per-run id), shown by `digest status`.</summary>
public static class ClaimOwner
{
    public static string Current { get; } = string.Create(
        CultureInfo.InvariantCulture,
        $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}");
}
