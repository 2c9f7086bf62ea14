using System.Security.Cryptography;
using System.Text;

namespace Digest.Core.Delivery;

/// <summary>A subscriber's storage key: the first 32 hex chars of SHA-256 of the lower-cased address.</summary>
public static class SubscriberKey
{
    public static string For(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())))[..32];
}
