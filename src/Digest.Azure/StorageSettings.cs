using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Azure;

/// <summary>
/// The storage account named by a setting (AzureWebJobsStorage by default), read as the Functions host reads it: a
/// connection string, parsed by the Azure SDK (account key, SAS, UseDevelopmentStorage=true for Azurite), or the
/// identity-based section (__blobServiceUri or __serviceUri, __queueServiceUri, __accountName, and __credential /
/// __clientId, read by Microsoft.Extensions.Azure). Both clients are built when the settings are read, so a bad
/// setting stops start-up with a <see cref="StorageSettingsException"/> that names it; <see cref="ToString"/> never
/// shows a key or a signature.
/// </summary>
public sealed class StorageSettings
{
    /// <summary>The Functions host's setting name, used by default.</summary>
    public const string DefaultName = "AzureWebJobsStorage";

    private readonly AzureComponentFactory _factory;
    private readonly IConfiguration _blob;
    private readonly IConfiguration _queue;
    private readonly TokenCredential? _credential;
    private readonly string _description;

    private StorageSettings(AzureComponentFactory factory, IConfiguration blob, IConfiguration queue, TokenCredential? credential, string setting, string queueSetting)
    {
        _factory = factory;
        _blob = blob;
        _queue = queue;
        _credential = credential;
        var blobClient = Build(() => CreateBlobServiceClient(), setting);
        var queueClient = Build(() => CreateQueueServiceClient(), queueSetting);
        var access = credential is not null ? "token credential"
            : blobClient.CanGenerateAccountSasUri ? "shared key " + blobClient.AccountName
            : "shared access signature";
        BlobServiceUri = new Uri(blobClient.Uri.GetLeftPart(UriPartial.Path));
        _description = $"blob {BlobServiceUri}, queue {queueClient.Uri.GetLeftPart(UriPartial.Path)}, {access}";
    }

    /// <summary>The blob endpoint, without a SAS query.</summary>
    public Uri BlobServiceUri { get; }

    /// <summary>A connection string given as <paramref name="setting"/> (a setting or a command-line option).</summary>
    public static StorageSettings FromConnectionString(string connectionString, string setting = DefaultName)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StorageSettingsException(setting, "it is empty");
        }

        var config = Single("connectionString", connectionString);
        return new StorageSettings(Factory(out _), config, config, null, setting, setting);
    }

    /// <summary>
    /// Reads the settings named <paramref name="name"/> ("__" is ":" in .NET configuration). Null only when nothing is
    /// configured; a bad setting throws <see cref="StorageSettingsException"/>, so a typo never falls back silently.
    /// </summary>
    public static StorageSettings? TryRead(IConfiguration configuration, string name = DefaultName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[name] is { } value && !string.IsNullOrWhiteSpace(value))
        {
            return FromConnectionString(value, name);
        }

        var section = configuration.GetSection(name);
        if (!section.GetChildren().Any())
        {
            return null;
        }

        var env = name.Replace(":", "__", StringComparison.Ordinal) + "__";
        var account = section["accountName"];
        var blob = section["blobServiceUri"] ?? section["serviceUri"] ?? (account is null ? null : $"https://{account}.blob.core.windows.net/");
        var queue = section["queueServiceUri"] ?? (account is null ? null : $"https://{account}.queue.core.windows.net/");
        if (blob is null)
        {
            throw new StorageSettingsException(env + "blobServiceUri", "it is missing (set it, or __accountName, next to the other " + env + " settings)");
        }

        if (queue is null)
        {
            throw new StorageSettingsException(env + "queueServiceUri", "it is missing: the send batches need a queue endpoint next to __blobServiceUri");
        }

        var factory = Factory(out var unset);
        var credential = factory.CreateTokenCredential(section);
        if (ReferenceEquals(credential, unset))
        {
            // Microsoft.Extensions.Azure falls back to DefaultAzureCredential for a credential kind it does not know:
            // say so rather than run as another identity than the one named. (__clientId alone it takes as the
            // managed identity of DefaultAzureCredential.)
            if (section["credential"] is { } kind)
            {
                throw new StorageSettingsException(env + "credential", $"'{kind}' is not a credential kind Microsoft.Extensions.Azure knows (managedidentity, workloadidentity, ...); leave it out for DefaultAzureCredential");
            }

            credential = new DefaultAzureCredential();
        }

        return new StorageSettings(factory, Single("serviceUri", blob), Single("serviceUri", queue), credential, env + "blobServiceUri", env + "queueServiceUri");
    }

    /// <summary>Like <see cref="TryRead"/>, but a missing setting is an error that says what to set.</summary>
    public static StorageSettings Read(IConfiguration configuration, string name = DefaultName) =>
        TryRead(configuration, name)
        ?? throw new InvalidOperationException($"Azure storage is not configured: set '{name}' to a connection string (UseDevelopmentStorage=true for Azurite) or set '{name}__blobServiceUri' and '{name}__queueServiceUri' for managed identity.");

    /// <summary>A <see cref="BlobServiceClient"/>; without <paramref name="options"/> those of <see cref="StorageClientDefaults"/>.</summary>
    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null) =>
        (BlobServiceClient)_factory.CreateClient(typeof(BlobServiceClient), _blob, _credential, options ?? StorageClientDefaults.Blob());

    /// <summary>A <see cref="QueueServiceClient"/>; without <paramref name="options"/> base64 messages, as the Functions queue trigger expects.</summary>
    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions? options = null) =>
        (QueueServiceClient)_factory.CreateClient(typeof(QueueServiceClient), _queue, _credential, options ?? StorageClientDefaults.Queue());

    public override string ToString() => _description;

    // The component factory of Microsoft.Extensions.Azure, with a marker as the fallback credential so that "nothing
    // in the section named a credential" can be told apart.
    private static AzureComponentFactory Factory(out TokenCredential unset)
    {
        var marker = new DefaultAzureCredential();
        unset = marker;
        var services = new ServiceCollection();
        services.AddAzureClients(builder => builder.UseCredential(marker));
        return services.BuildServiceProvider().GetRequiredService<AzureComponentFactory>();
    }

    private static IConfiguration Single(string key, string value) =>
        new ConfigurationBuilder().AddInMemoryCollection([new KeyValuePair<string, string?>(key, value)]).Build();

    private static T Build<T>(Func<T> create, string setting)
    {
        try
        {
            return create();
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or NullReferenceException or System.Reflection.TargetInvocationException)
        {
            var inner = e is System.Reflection.TargetInvocationException { InnerException: { } cause } ? cause : e;
            throw new StorageSettingsException(setting, inner.Message.Split('\n')[0].Trim().TrimEnd('.'));
        }
    }
}

/// <summary>A storage setting the SDK refused; <see cref="Setting"/> is its environment-variable name (or the option).</summary>
public sealed class StorageSettingsException(string setting, string reason)
    : FormatException($"{setting} is not valid: {reason}.")
{
    public string Setting { get; } = setting;

    public string Reason { get; } = reason;
}
