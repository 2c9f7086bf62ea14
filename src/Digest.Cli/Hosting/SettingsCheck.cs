using System.Globalization;
using System.Text;
using Digest.Azure;
using Digest.Core;
using Digest.Email;
using Microsoft.Extensions.Configuration;
using NCrontab;

namespace Digest.Cli.Hosting;

/// <summary>
/// Start-up validation of the settings every store-using command reads, before any work: each problem becomes a
/// <see cref="CliException"/> that names the setting (as an environment variable) and gives a valid example, instead
/// of a binder or SDK exception after half the work is done.
/// </summary>
internal static class SettingsCheck
{
    public const string ScheduleSetting = "DigestSchedule";

    /// <summary>How long `digest dev` keeps a received send batch hidden (a failed batch comes back after it).</summary>
    public const string VisibilityTimeoutSetting = "Digest:Dev:VisibilityTimeout";

    /// <summary>Throws <see cref="CliException"/> for the first invalid setting.</summary>
    public static void Validate(IConfiguration configuration)
    {
        var digest = configuration.GetSection(DigestOptions.Section);
        if (digest[nameof(DigestOptions.TimeZone)] is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            throw Bad("Digest__TimeZone", zone, "is not a known IANA time zone", "Europe/Berlin or UTC");
        }

        WholeNumber(digest, nameof(DigestOptions.BatchSize), 1, 1000, "1000");
        WholeNumber(digest, nameof(DigestOptions.MaxStories), 1, 500, "150");
        WholeNumber(digest, nameof(DigestOptions.MaxArticleAgeDays), 0, 3650, "3");
        WholeNumber(digest, nameof(DigestOptions.FullStories), 0, 50, "8");
        WholeNumber(digest, nameof(DigestOptions.MaxArticleBytes), 1, long.MaxValue, "10485760");
        if (digest["SendEmptyDigest"] is { } empty && !bool.TryParse(empty, out _))
        {
            throw Bad("Digest__SendEmptyDigest", empty, "is not true or false", "false");
        }

        if (digest[nameof(DigestOptions.PublicBaseUrl)] is { } baseUrl
            && !(Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback)))
        {
            throw Bad("Digest__PublicBaseUrl", baseUrl, "is not an absolute https URL (http only on localhost)", "https://digest.example.com");
        }

        if (digest[nameof(DigestOptions.UnsubscribeSigningKey)] is { Length: > 0 } key && KeyBytes(key) < 32)
        {
            throw new CliException($"setting Digest__UnsubscribeSigningKey is {KeyBytes(key)} bytes, too short for HMAC-SHA256; set 32 or more bytes, e.g. the output of `openssl rand -base64 32`");
        }

        try
        {
            EmailServiceCollectionExtensions.GetProvider(configuration);
        }
        catch (InvalidOperationException)
        {
            throw Bad("Email__Provider", configuration[EmailServiceCollectionExtensions.ProviderKey]!, "names no email provider", "Outbox, Smtp or SendGrid");
        }

        if (configuration[ScheduleSetting] is { } schedule)
        {
            Schedule(schedule, "setting " + ScheduleSetting);
        }

        VisibilityTimeout(configuration);
    }

    /// <summary>
    /// The `digest dev` visibility timeout setting (hh:mm:ss, 1 second to 7 days, the Azure Storage queue limits), or
    /// null when unset.
    /// </summary>
    public static TimeSpan? VisibilityTimeout(IConfiguration configuration)
    {
        if (configuration[VisibilityTimeoutSetting] is not { } text)
        {
            return null;
        }

        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) || value < TimeSpan.FromSeconds(1) || value > TimeSpan.FromDays(7))
        {
            throw Bad("Digest__Dev__VisibilityTimeout", text, "is not a time from 00:00:01 to 7.00:00:00", "00:00:30");
        }

        return value;
    }

    /// <summary>A six-field NCrontab expression (seconds first), as the Functions timer trigger takes.</summary>
    public static void Schedule(string expression, string where)
    {
        if (CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is null)
        {
            throw new CliException(
                $"{where} '{expression}' is not a valid six-field NCrontab expression (seconds minutes hours day month weekday); use e.g. \"0 0 6 * * *\" for 06:00 every day",
                where.StartsWith('-') ? CliExit.Usage : CliExit.Failure);
        }
    }

    /// <summary>The storage connection string of <paramref name="where"/> (an option or a setting), parsed or explained.</summary>
    public static StorageConnection Storage(string value, string where, int exitCode)
    {
        if (StorageConnection.TryParse(value, out var connection, out var error))
        {
            return connection;
        }

        throw new CliException(
            $"{where} is not a valid Azure Storage connection string ({error.TrimEnd('.')}); use e.g. UseDevelopmentStorage=true for Azurite, "
            + "or DefaultEndpointsProtocol=https;AccountName=NAME;AccountKey=KEY;EndpointSuffix=core.windows.net",
            exitCode);
    }

    private static void WholeNumber(IConfiguration section, string name, long min, long max, string example)
    {
        if (section[name] is { } text
            && !(long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max))
        {
            throw Bad($"Digest__{name}", text, max == long.MaxValue ? $"is not a whole number of at least {min}" : $"is not a whole number from {min} to {max}", example);
        }
    }

    private static CliException Bad(string setting, string value, string problem, string example) =>
        new($"setting {setting}='{value}' {problem}; set it to e.g. {example}");

    // As UnsubscribeToken reads the key: base64 when that decodes to 32+ bytes, otherwise the UTF-8 text itself.
    private static int KeyBytes(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out var written) && written >= 32 ? written : Encoding.UTF8.GetByteCount(key);
    }
}
