using System.Security.Cryptography;
using System.Text;

namespace Digest.Azure;

/// <summary>
/// An account name and key for Shared Key authorization (same name as the official
/// <c>Azure.Storage.StorageSharedKeyCredential</c>). The key never appears in <see cref="ToString"/> or in errors.
/// </summary>
public sealed class StorageSharedKeyCredential
{
    private readonly byte[] _key;

    public StorageSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        AccountName = accountName;
        try
        {
            _key = Convert.FromBase64String(accountKey);
        }
        catch (FormatException)
        {
            // Deliberately no inner exception or value: the key must not leak into logs.
            throw new ArgumentException("The storage account key is not valid base64.", nameof(accountKey));
        }
    }

    public string AccountName { get; }

    /// <summary>HMAC-SHA256 of the UTF-8 message with the decoded key, base64-encoded (the Shared Key signature).</summary>
    internal string ComputeHmacSha256(string message) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(message)));

    public override string ToString() => $"SharedKey({AccountName})";
}
