using System.Diagnostics.CodeAnalysis;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Digest.Azure;

/// <summary>
/// Where the storage account is and how to authorize: a connection string (account key; Azurite via
/// UseDevelopmentStorage=true), from which the SDK clients are built, or identity-based settings (service URIs plus a
/// <see cref="TokenCredential"/>, managed identity in Azure). <see cref="ToString"/> never shows the key.
/// </summary>
public sealed class StorageConnection
{
    /// <summary>The Functions host's setting name, used by default.</summary>
    public const string DefaultName = "AzureWebJobsStorage";

    /// <summary>Azurite's account.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    // Validated and normalised (explicit endpoints), never shown; null for identity-based access.
    private readonly string? _connectionString;

    internal StorageConnection(Uri blobServiceUri, Uri? queueServiceUri, string? accountName, string? connectionString, TokenCredential? tokenCredential)
    {
        BlobServiceUri = blobServiceUri;
        QueueServiceUri = queueServiceUri;
        AccountName = accountName;
        _connectionString = connectionString;
        TokenCredential = tokenCredential;
    }

    /// <summary>UseDevelopmentStorage=true: Azurite on 127.0.0.1:10000 (blob) and :10001 (queue).</summary>
    public static StorageConnection DevelopmentStorage { get; } = new(
        new Uri("http://127.0.0.1:10000/" + DevelopmentAccountName),
        new Uri("http://127.0.0.1:10001/" + DevelopmentAccountName),
        DevelopmentAccountName,
        "UseDevelopmentStorage=true",
        null);

    public Uri BlobServiceUri { get; }

    /// <summary>Null when identity-based settings name no queue endpoint.</summary>
    public Uri? QueueServiceUri { get; }

    /// <summary>The account of a connection string (whose key authorizes); null for identity-based settings.</summary>
    public string? AccountName { get; }

    /// <summary>Set for identity-based settings.</summary>
    public TokenCredential? TokenCredential { get; }

    /// <summary>Parses a connection string; <see cref="FormatException"/> (without the key) when malformed.</summary>
    public static StorageConnection Parse(string connectionString) =>
        TryParse(connectionString, out var connection, out var error) ? connection : throw new FormatException(error);

    public static bool TryParse(string? connectionString, [NotNullWhen(true)] out StorageConnection? connection, [NotNullWhen(false)] out string? error) =>
        ConnectionStringParser.TryParse(connectionString, out connection, out error);

    /// <summary>Identity-based access (managed identity in Azure). Bearer tokens are only sent over https.</summary>
    public static StorageConnection FromServiceUris(Uri blobServiceUri, Uri? queueServiceUri, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(blobServiceUri);
        ArgumentNullException.ThrowIfNull(credential);
        foreach (var uri in new[] { blobServiceUri, queueServiceUri })
        {
            if (uri is not null && (!uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"Identity-based storage needs absolute https service URIs, not '{uri}'.");
            }
        }

        return new StorageConnection(blobServiceUri, queueServiceUri, null, null, credential);
    }

    /// <summary>
    /// Reads the storage settings named <paramref name="name"/>: a connection string (AzureWebJobsStorage=...) or the
    /// identity-based section (AzureWebJobsStorage__blobServiceUri, __queueServiceUri, __accountName, __credential,
    /// __clientId; "__" is ":" in .NET configuration). Returns false only when nothing is configured; a malformed
    /// setting throws <see cref="FormatException"/>, so a typo never silently falls back to the file system.
    /// </summary>
    public static bool TryFromConfiguration(IConfiguration configuration, [NotNullWhen(true)] out StorageConnection? connection, string name = DefaultName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        connection = null;
        var value = configuration[name];
        if (!string.IsNullOrWhiteSpace(value))
        {
            connection = Parse(value);
            return true;
        }

        connection = IdentitySettings.FromSection(configuration.GetSection(name));
        return connection is not null;
    }

    /// <summary>Like <see cref="TryFromConfiguration"/>, but a missing setting is an error that says what to set.</summary>
    public static StorageConnection FromConfiguration(IConfiguration configuration, string name = DefaultName) =>
        TryFromConfiguration(configuration, out var connection, name)
            ? connection
            : throw new InvalidOperationException($"Azure storage is not configured: set '{name}' to a connection string (UseDevelopmentStorage=true for Azurite) or set '{name}__blobServiceUri' and '{name}__queueServiceUri' for managed identity.");

    /// <summary>
    /// A <see cref="BlobServiceClient"/> for this account. Without <paramref name="options"/>: bounded retries and a
    /// service version Azurite accepts (see <see cref="StorageClientDefaults"/>).
    /// </summary>
    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null)
    {
        options ??= StorageClientDefaults.Blob();
        return _connectionString is not null
            ? new BlobServiceClient(_connectionString, options)
            : new BlobServiceClient(BlobServiceUri, TokenCredential!, options);
    }

    /// <summary>
    /// A <see cref="QueueServiceClient"/> for this account. Without <paramref name="options"/>: base64 messages (what
    /// the Functions queue trigger expects), bounded retries, a service version Azurite accepts.
    /// </summary>
    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions? options = null)
    {
        options ??= StorageClientDefaults.Queue();
        if (_connectionString is not null)
        {
            return new QueueServiceClient(_connectionString, options);
        }

        return QueueServiceUri is not null
            ? new QueueServiceClient(QueueServiceUri, TokenCredential!, options)
            : throw new InvalidOperationException($"No queue endpoint is configured: set '{DefaultName}__queueServiceUri' (or '__accountName') next to '__blobServiceUri'.");
    }

    public override string ToString() =>
        $"blob {BlobServiceUri}, queue {QueueServiceUri?.ToString() ?? "(none)"}, {(AccountName is not null ? "shared key " + AccountName : "token credential")}";
}
