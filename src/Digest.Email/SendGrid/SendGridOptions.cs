namespace Digest.Email.SendGrid;

/// <summary>
/// SendGrid v3 settings, bound from the "Email:SendGrid" configuration section. The API key is a secret: it comes
/// from configuration only (in Azure an app setting holding a Key Vault reference, which the platform resolves),
/// is never logged and is redacted by <see cref="ToString"/>.
/// </summary>
public sealed class SendGridOptions
{
    public const string Section = "Email:SendGrid";

    /// <summary>API key (Mail Send permission). Required when the provider is SendGrid. No default.</summary>
    public string? ApiKey { get; set; }

    /// <summary>API root, the official client's Host. Default https://api.sendgrid.com (EU region: https://api.eu.sendgrid.com).</summary>
    public Uri BaseAddress { get; set; } = new("https://api.sendgrid.com");

    /// <summary>Sandbox mode: SendGrid validates the request and sends nothing (dry runs). Default false.</summary>
    public bool SandboxMode { get; set; }

    /// <summary>Retries after the first attempt on 429, 408, 5xx and timeouts (the resilience handler). Default 4 (5 attempts in all).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay; later ones grow exponentially with jitter. Default 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound for any one wait, including X-RateLimit-Reset and Retry-After. Default 60 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time limit of one HTTP attempt. Default 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Categories added to every message (besides the batch's own). Default none. SendGrid allows 10.</summary>
    public IList<string> Categories { get; set; } = [];

    /// <summary>Recipients (personalizations) per request. Default and SendGrid maximum 1,000.</summary>
    public int MaxRecipientsPerRequest { get; set; } = SendGridLimits.MaxPersonalizations;

    /// <summary>The key is never printed.</summary>
    public override string ToString() =>
        $"SendGridOptions {{ ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")}, BaseAddress = {BaseAddress}, SandboxMode = {SandboxMode}, MaxRetries = {MaxRetries} }}";
}
