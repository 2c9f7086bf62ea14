using Azure.Core;
using Digest.Azure.Pipeline;

namespace Digest.Azure.Queues;

/// <summary>
/// Options for <see cref="QueueServiceClient"/> and <see cref="QueueClient"/> (same name as the official client's).
/// Retries, logging and transport come from <see cref="ClientOptions"/>.
/// </summary>
public sealed class QueueClientOptions : ClientOptions
{
    /// <summary>
    /// Message encoding. Default <see cref="QueueMessageEncoding.Base64"/>, because the Functions host's queue trigger
    /// expects base64 (the official client defaults to None; set it explicitly when swapping).
    /// </summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;

    /// <summary>Clock for the x-ms-date header. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public QueueClientOptions() => StorageDiagnostics.Configure(Diagnostics);
}
