using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Digest.Azure;

/// <summary>
/// The client options every Digest storage client gets unless the caller passes its own.
/// <list type="bullet">
/// <item>Retries are bounded so an unreachable account fails fast (the host then retries the whole invocation):
/// 3 exponential retries from 0.3 s up to 2 s, a 2 s TCP/TLS connect timeout per attempt, so a refused or
/// black-holed endpoint fails within about 10 s. The per-attempt <see cref="RetryOptions.NetworkTimeout"/> stays at
/// 30 s because it also bounds a whole upload (articles are up to 10 MiB).</item>
/// <item>The service version is pinned to the newest one Azurite 3.37 accepts (2026-06-06), so a plain
/// <c>azurite</c> works without <c>--skipApiVersionCheck</c>; Azure accepts it too.</item>
/// <item>Queue messages are base64, as the Functions queue trigger expects (the SDK's default is none); one that is
/// not goes to the poison queue (<see cref="UndecodableMessages"/>).</item>
/// </list>
/// </summary>
internal static class StorageClientDefaults
{
    public const int MaxRetries = 3;

    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    // One transport (one connection pool) for all storage clients of the process, as the SDK's own default does;
    // pooled connections are renewed so a long-running host follows DNS changes.
    private static readonly HttpClientTransport Transport = new(new SocketsHttpHandler
    {
        ConnectTimeout = ConnectTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    });

    public static BlobClientOptions Blob() => Bounded(new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06));

    public static QueueClientOptions Queue()
    {
        var options = Bounded(new QueueClientOptions(QueueClientOptions.ServiceVersion.V2026_06_06) { MessageEncoding = QueueMessageEncoding.Base64 });
        options.MessageDecodingFailed += UndecodableMessages.MoveToPoisonQueueAsync;
        return options;
    }

    private static T Bounded<T>(T options)
        where T : ClientOptions
    {
        options.Transport = Transport;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(300);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }
}
