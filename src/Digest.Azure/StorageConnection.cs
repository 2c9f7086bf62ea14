using System.Diagnostics.CodeAnalysis;
using Azure.Core;
using Digest.Azure.Blobs;
using Digest.Azure.Queues;
using Microsoft.Extensions.Configuration;

namespace Digest.Azure;

/// <summary>
/// Where the storage account is and how to authorize: from a connection string (Shared Key; Azurite via
/// UseDevelopmentStorage=true) or from identity-based settings (service URIs plus a <see cref="TokenCredential"/>).
/// <see cref="ToString"/> never shows the key.
/// </summary>
public sealed class StorageConnection
{
    /// <summary>The Functions host's setting name, used by default.</summary>
    public const string DefaultName = "AzureWebJobsStorage";

    /// <summary>Azurite's account.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    // The emulator's well-known, publicly documented key (not a secret).
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    internal StorageConnection(Uri blobServiceUri, Uri? queueServiceUri, StorageSharedKeyCredential? sharedKey, TokenCredential? tokenCredential)
    {
        BlobServiceUri = blobServiceUri;
        QueueServiceUri = queueServiceUri;
        SharedKey = sharedKey;
        TokenCredential = tokenCredential;
    }

    /// <summary>UseDevelopmentStorage=true: Azurite on 127.0.0.1:10000 (blob) and :10001 (queue).</summary>
    public static StorageConnection DevelopmentStorage { get; } = new(
        new Uri("http://127.0.0.1:10000/" + DevelopmentAccountName),
        new Uri("http://127.0.0.1:10001/" + DevelopmentAccountName),
        new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey),
        null);

    public Uri BlobServiceUri { get; }

    /// <summary>Null when the settings name no queue endpoint (a connection string with only BlobEndpoint).</summary>
    public Uri? QueueServiceUri { get; }

    /// <summary>Set for connection strings.</summary>
    public StorageSharedKeyCredential? SharedKey { get; }

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

        return new StorageConnection(blobServiceUri, queueServiceUri, null, credential);
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

    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null) => new(this, options);

    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions? options = null) => new(this, options);

    public override string ToString() =>
        $"blob {BlobServiceUri}, queue {QueueServiceUri?.ToString() ?? "(none)"}, {(SharedKey is not null ? "shared key " + SharedKey.AccountName : "token credential")}";
}
