using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Digest.Core.Delivery;

/// <summary>
/// HMAC-SHA256-signed unsubscribe tokens: "v1.{listId}.{subscriberKey}.{signature}", URL-safe.
/// The token names the subscriber (by key, never the address) and the list; verification is constant-time.
/// </summary>
public sealed class UnsubscribeToken
{
    /// <summary>The list id of the daily digest.</summary>
    public const string DailyList = "daily";

    private const string Version = "v1";
    private readonly byte[] _key;

    public UnsubscribeToken(string signingKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingKey);
        _key = DecodeKey(signingKey);
        if (_key.Length < 32)
        {
            throw new ArgumentException("The unsubscribe signing key must be at least 32 bytes.", nameof(signingKey));
        }
    }

    public string Create(string listId, string subscriberKey)
    {
        EnsureSafe(listId, nameof(listId));
        EnsureSafe(subscriberKey, nameof(subscriberKey));
        var payload = $"{Version}.{listId}.{subscriberKey}";
        return payload + "." + Sign(payload);
    }

    /// <summary>Verifies a token; returns the list and subscriber it names, or null (forged, altered, malformed).</summary>
    public (string ListId, string SubscriberKey)? Verify(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 4 || parts[0] != Version)
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Sign($"{parts[0]}.{parts[1]}.{parts[2]}"));
        var actual = Encoding.ASCII.GetBytes(parts[3]);
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? (parts[1], parts[2]) : null;
    }

    private string Sign(string payload) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload)));

    private static void EnsureSafe(string value, string name)
    {
        if (string.IsNullOrEmpty(value) || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException("Only ASCII letters, digits, '-' and '_' are allowed.", name);
        }
    }

    /// <summary>The key bytes of a configured signing key (base64 of 32+ bytes, else its UTF-8 text).</summary>
    internal static byte[] DecodeKey(string key)
    {
        try
        {
            var bytes = Convert.FromBase64String(key);
            if (bytes.Length >= 32)
            {
                return bytes;
            }
        }
        catch (FormatException)
        {
            // Not base64: use the text itself.
        }

        return Encoding.UTF8.GetBytes(key);
    }
}
