namespace Digest.Cli.Dev;

/// <summary>How `digest dev` plays the Functions host locally.</summary>
internal sealed record DevOptions
{
    /// <summary>NCrontab expression with seconds (the Functions timer format). Default: daily at 06:00.</summary>
    public string Schedule { get; init; } = "0 0 6 * * *";

    /// <summary>How often the articles container is listed for new or changed blobs. Default 2 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between retries while storage or the email provider is down (backoff doubles up to it). Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a received batch stays hidden; a failed batch reappears after it, so it must be longer than a batch
    /// takes to send. Default 30 s (setting Digest__Dev__VisibilityTimeout).
    /// </summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries after which a batch goes to the poison queue (the Functions host's default). Default 5.</summary>
    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>
    /// Article blobs parsed at once (the Functions host also runs several blob-triggered invocations side by side).
    /// Storage round trips dominate a parse, so a few more than the cores pay off; the MiniLM embedding runs one model
    /// call at a time whatever this is. Default 8.
    /// </summary>
    public int ParseConcurrency { get; init; } = 8;

    /// <summary>Failed attempts after which an article blob is left alone until it changes. Default 5.</summary>
    public int MaxParseAttempts { get; init; } = 5;
}
