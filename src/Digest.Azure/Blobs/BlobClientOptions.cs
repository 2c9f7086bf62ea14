using Azure.Core;
using Digest.Azure.Pipeline;

namespace Digest.Azure.Blobs;

/// <summary>
/// Options for <see cref="BlobServiceClient"/> and its children (same name as the official client's options).
/// Retries, logging and transport come from <see cref="ClientOptions"/>: by default 3 exponential retries starting at
/// 0.8 s, a 100 s network timeout per attempt.
/// </summary>
public sealed class BlobClientOptions : ClientOptions
{
    /// <summary>
    /// Largest blob written with one Put Blob request. Default 256 MiB. The service accepts up to 5000 MiB in one
    /// Put Blob since version 2019-12-12, but this client sends the whole body from memory in one request (no block
    /// upload), so it refuses anything larger than this setting with an <see cref="ArgumentException"/>.
    /// </summary>
    public long MaxSingleUploadBytes { get; set; } = DefaultMaxSingleUploadBytes;

    /// <summary>256 MiB.</summary>
    public const long DefaultMaxSingleUploadBytes = 256L * 1024 * 1024;

    /// <summary>The service's own limit for one Put Blob (5000 MiB).</summary>
    public const long ServiceMaxPutBlobBytes = 5000L * 1024 * 1024;

    /// <summary>Clock for the x-ms-date header. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public BlobClientOptions() => StorageDiagnostics.Configure(Diagnostics);
}
