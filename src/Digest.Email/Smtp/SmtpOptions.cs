namespace Digest.Email.Smtp;

/// <summary>SMTP settings, bound from "Email:Smtp". For local runs point it at maildev (port 1025).</summary>
public sealed class SmtpOptions
{
    public const string Section = "Email:Smtp";

    /// <summary>Server host. Default "localhost".</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>Server port. Default 25 (maildev listens on 1025).</summary>
    public int Port { get; set; } = 25;

    /// <summary>TLS: implicit TLS on port 465, STARTTLS (required) on any other port; false sends in plain text (maildev). Default false.</summary>
    public bool EnableSsl { get; set; }

    /// <summary>User name for AUTH; leave empty for none. Default none.</summary>
    public string? UserName { get; set; }

    /// <summary>Password for AUTH. Secret: from configuration only; never logged, redacted by <see cref="ToString"/>.</summary>
    public string? Password { get; set; }

    /// <summary>Overrides the batch's From address when set. Default none.</summary>
    public string? FromAddress { get; set; }

    /// <summary>Overrides the batch's From display name when set. Default none.</summary>
    public string? FromName { get; set; }

    /// <summary>Time limit for one message. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of one message after a transient failure (4xx, connection). Default 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay (exponential with jitter after that). Default 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public override string ToString() =>
        $"SmtpOptions {{ Host = {Host}, Port = {Port}, EnableSsl = {EnableSsl}, UserName = {(string.IsNullOrEmpty(UserName) ? "(none)" : UserName)}, Password = {(string.IsNullOrEmpty(Password) ? "(none)" : "***")} }}";
}
