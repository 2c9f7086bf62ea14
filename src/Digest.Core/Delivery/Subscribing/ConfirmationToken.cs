using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Digest.Core.Delivery.Subscribing;

/// <summary>
/// Signed, expiring double opt-in tokens: "c1.{subscriberKey}.{nonce}.{expires (unix seconds)}.{signature}", URL-safe.
/// HMAC-SHA256 under a key derived from the store's signing key for this purpose only, so a confirmation token is never
/// an unsubscribe token or the other way round. The nonce is the one stored with the pending confirmation: a used or
/// superseded link names a nonce the record no longer has.
/// </summary>
public sealed class ConfirmationToken
{
    private const string Version = "c1";
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("digest/subscribe-confirmation/v1");
    private readonly byte[] _key;

    public ConfirmationToken(string signingKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingKey);
        _key = HMACSHA256.HashData(UnsubscribeToken.DecodeKey(signingKey), Purpose);
    }

    /// <summary>A new random nonce (URL-safe).</summary>
    public static string NewNonce() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public string Create(string subscriberKey, string nonce, DateTimeOffset expires)
    {
        var payload = string.Create(CultureInfo.InvariantCulture, $"{Version}.{subscriberKey}.{nonce}.{expires.ToUnixTimeSeconds()}");
        return payload + "." + Sign(payload);
    }

    /// <summary>What a token names, or null when it is forged, altered or malformed (expiry is the caller's check).</summary>
    public (string SubscriberKey, string Nonce, DateTimeOffset Expires)? Verify(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 5 || parts[0] != Version || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(string.Join('.', parts[..4])));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[4])) || expires > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return null;
        }

        return (parts[1], parts[2], DateTimeOffset.FromUnixTimeSeconds(expires));
    }

    /// <summary>A keyed hash of <paramref name="value"/> (a client's address) for storage names: not reversible without the key.</summary>
    public string Pseudonym(string value) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("client:" + value)))[..32];

    private string Sign(string payload) => Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload)));
}
