using System.Security.Cryptography;
using System.Text;

namespace Digest.Core.Articles;

/// <summary>
/// "This version is being parsed": written create-only at <see cref="BlobNameFor"/> in the state container before a
/// parse, so concurrent hosts (several `digest dev` watchers, Functions instances) share the work instead of each
/// parsing the same blob. It expires (<see cref="DigestOptions.ParseClaimTimeout"/>), so a host that died mid-parse
/// delays the blob by at most that long: the next host takes the expired claim over (ETag-guarded) and parses it.
/// Removed once the receipt is written; a leftover claim only matters until it expires.
/// </summary>
/// <param name="BlobName">The upload in articles/.</param>
/// <param name="ETag">The version being parsed.</param>
/// <param name="Owner">Who claimed it (host, process and claim number), for the log.</param>
/// <param name="ExpiresAt">After this, another host may take the claim over.</param>
public sealed record ParseClaim(string BlobName, string ETag, string Owner, DateTimeOffset ExpiresAt)
{
    /// <summary>claims/articles/&lt;hash of name and version&gt;.json: short and valid whatever the upload's name.</summary>
    public static string BlobNameFor(string blobName, string etag) =>
        $"claims/articles/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobName + "\n" + etag)))[..32]}.json";

    /// <summary>This process, as a claim's owner.</summary>
    public static string ThisProcess { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}
