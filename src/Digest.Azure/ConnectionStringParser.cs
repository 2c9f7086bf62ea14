using System.Diagnostics.CodeAnalysis;

namespace Digest.Azure;

/// <summary>
/// Validates Azure Storage connection strings (the AzureWebJobsStorage format: "Name=Value;..." with case-insensitive
/// names) before the SDK sees them: the SDK's own parser answers most mistakes with "No valid combination of account
/// information found", while these errors name the offending setting, and never repeat a value (it may be the key).
/// </summary>
internal static class ConnectionStringParser
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "UseDevelopmentStorage", "DevelopmentStorageProxyUri", "DefaultEndpointsProtocol", "AccountName", "AccountKey",
        "EndpointSuffix", "BlobEndpoint", "QueueEndpoint", "SharedAccessSignature",
        "TableEndpoint", "FileEndpoint", "BlobSecondaryEndpoint", "QueueSecondaryEndpoint", "TableSecondaryEndpoint", "FileSecondaryEndpoint",
    };

    public static bool TryParse(string? connectionString, [NotNullWhen(true)] out StorageConnection? connection, [NotNullWhen(false)] out string? error)
    {
        connection = null;
        if (!TrySplit(connectionString, out var settings, out error))
        {
            return false;
        }

        if (settings.TryGetValue("SharedAccessSignature", out _))
        {
            return Fail("SharedAccessSignature connection strings are not supported; use AccountName and AccountKey, or identity-based settings (AzureWebJobsStorage__blobServiceUri).", out error);
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var useDev))
        {
            if (!string.Equals(useDev, "true", StringComparison.OrdinalIgnoreCase))
            {
                return Fail("UseDevelopmentStorage must be 'true'.", out error);
            }

            if (settings.Count > 1)
            {
                return Fail("UseDevelopmentStorage=true cannot be combined with other settings (DevelopmentStorageProxyUri is not supported either).", out error);
            }

            connection = StorageConnection.DevelopmentStorage;
            return true;
        }

        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https").ToLowerInvariant();
        if (protocol is not ("http" or "https"))
        {
            return Fail("DefaultEndpointsProtocol must be 'http' or 'https'.", out error);
        }

        settings.TryGetValue("AccountName", out var accountName);
        if (accountName is not null && (accountName.Length == 0 || accountName.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-')))
        {
            return Fail("AccountName must be letters and digits.", out error);
        }

        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        if (suffix.Length == 0 || suffix.Contains('/', StringComparison.Ordinal) || Uri.CheckHostName(suffix) == UriHostNameType.Unknown)
        {
            return Fail("EndpointSuffix must be a host name suffix such as core.windows.net.", out error);
        }

        if (!TryEndpoint(settings, "BlobEndpoint", protocol, accountName, "blob", suffix, out var blob, out error)
            || !TryEndpoint(settings, "QueueEndpoint", protocol, accountName, "queue", suffix, out var queue, out error))
        {
            return false;
        }

        if (blob is null)
        {
            return Fail("AccountName or BlobEndpoint is required.", out error);
        }

        if (!settings.TryGetValue("AccountKey", out var accountKey) || accountKey.Length == 0)
        {
            return Fail("AccountKey is required (anonymous access is not supported; for managed identity use AzureWebJobsStorage__blobServiceUri and __queueServiceUri instead of a connection string).", out error);
        }

        if (accountName is null)
        {
            return Fail("AccountKey needs AccountName.", out error);
        }

        if (!IsBase64(accountKey))
        {
            return Fail("AccountKey is not valid base64.", out error);
        }

        // Hand the SDK a normalised string with both endpoints explicit, so it builds the clients for exactly the
        // endpoints validated (and shown by ToString) here.
        var normalised = $"AccountName={accountName};AccountKey={accountKey};BlobEndpoint={blob};QueueEndpoint={queue}";
        connection = new StorageConnection(blob, queue, accountName, normalised, null);
        return true;
    }

    private static bool IsBase64(string value)
    {
        var bytes = new byte[value.Length];
        return Convert.TryFromBase64String(value, bytes, out var written) && written > 0;
    }

    private static bool TrySplit(string? connectionString, out Dictionary<string, string> settings, [NotNullWhen(false)] out string? error)
    {
        settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        error = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return Fail("it is empty.", out error);
        }

        var segments = connectionString.Split(';');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i].Trim();
            if (segment.Length == 0)
            {
                continue;
            }

            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return Fail($"segment {i + 1} is not 'Name=Value'.", out error);
            }

            var name = segment[..equals].Trim();
            if (!Known.Contains(name))
            {
                // Only echo names that look like setting names: a pasted key would otherwise leak into the message.
                return Fail(name.Length <= 40 && name.All(char.IsAsciiLetter) ? $"unknown setting '{name}'." : $"segment {i + 1} has an unknown setting name.", out error);
            }

            if (!settings.TryAdd(name, segment[(equals + 1)..].Trim()))
            {
                return Fail($"setting '{name}' appears more than once.", out error);
            }
        }

        return settings.Count > 0 || Fail("it has no settings.", out error);
    }

    private static bool TryEndpoint(Dictionary<string, string> settings, string setting, string protocol, string? accountName, string service, string suffix, out Uri? endpoint, [NotNullWhen(false)] out string? error)
    {
        error = null;
        endpoint = null;
        if (settings.TryGetValue(setting, out var explicitValue))
        {
            if (!Uri.TryCreate(explicitValue, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !string.IsNullOrEmpty(uri.Query))
            {
                return Fail($"{setting} must be an absolute http or https URI without a query.", out error);
            }

            endpoint = uri;
            return true;
        }

        if (accountName is not null)
        {
            endpoint = new Uri($"{protocol}://{accountName}.{service}.{suffix}/");
        }

        return true;
    }

    private static bool Fail(string reason, out string error)
    {
        error = "Invalid storage connection string: " + reason;
        return false;
    }
}
