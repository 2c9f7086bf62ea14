using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Digest.Azure;

/// <summary>
/// The Functions host's identity-based connection settings (&lt;name&gt;__blobServiceUri, __queueServiceUri,
/// __serviceUri, __accountName, __credential = managedidentity, __clientId).
/// </summary>
internal static class IdentitySettings
{
    public static StorageConnection? FromSection(IConfigurationSection section)
    {
        var blob = section["blobServiceUri"] ?? section["serviceUri"];
        var queue = section["queueServiceUri"];
        var account = section["accountName"];
        if (blob is null && queue is null && account is null)
        {
            return null;
        }

        var where = section.Path.Replace(":", "__", StringComparison.Ordinal);
        if (account is not null && (account.Length is < 3 or > 24 || !account.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c))))
        {
            throw new FormatException($"{where}__accountName must be 3-24 lower-case letters and digits.");
        }

        var blobUri = ParseUri(blob, $"{where}__blobServiceUri") ?? (account is null ? null : new Uri($"https://{account}.blob.core.windows.net/"));
        var queueUri = ParseUri(queue, $"{where}__queueServiceUri") ?? (account is null ? null : new Uri($"https://{account}.queue.core.windows.net/"));
        if (blobUri is null)
        {
            throw new FormatException($"{where}__blobServiceUri (or __accountName) is required when {where}__queueServiceUri is set.");
        }

        return StorageConnection.FromServiceUris(blobUri, queueUri, CreateCredential(section, where));
    }

    private static Uri? ParseUri(string? value, string setting)
    {
        if (value is null)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw new FormatException($"{setting} must be an absolute https URI.");
    }

    private static TokenCredential CreateCredential(IConfigurationSection section, string where)
    {
        var kind = section["credential"];
        var clientId = section["clientId"];
        if (kind is null)
        {
            return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        }

        if (!string.Equals(kind, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"{where}__credential must be 'managedidentity' (or be left out for DefaultAzureCredential).");
        }

        return new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
    }
}
