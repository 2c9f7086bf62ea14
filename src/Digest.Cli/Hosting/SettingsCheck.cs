using System.Globalization;
using System.Text.RegularExpressions;
using Digest.Core;
using Digest.Core.Stories;
using Digest.Core.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NCrontab;

namespace Digest.Cli.Hosting;

/// <summary>
/// Start-up validation of the settings every store-using command reads, before any work. The rules are the options'
/// own (their attributes and source-generated validators, as every host checks them); this only turns the first
/// failure into a <see cref="CliException"/> that names the setting as an environment variable and gives a valid
/// example, instead of a binder or options exception after half the work is done.
/// </summary>
internal static partial class SettingsCheck
{
    public const string ScheduleSetting = "DigestSchedule";

    /// <summary>How long `digest dev` keeps a received send batch hidden (a failed batch comes back after it).</summary>
    public const string VisibilityTimeoutSetting = "Digest:Dev:VisibilityTimeout";

    // Secrets are named, never echoed.
    private static readonly HashSet<string> Secrets = new(StringComparer.OrdinalIgnoreCase) { "Digest:UnsubscribeSigningKey" };

    private static readonly Dictionary<string, string> Examples = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Digest:Title"] = "\"Daily Digest\"",
        ["Digest:TimeZone"] = "Europe/Berlin or UTC",
        ["Digest:FromAddress"] = "digest@example.com",
        ["Digest:PublicBaseUrl"] = "https://digest.example.com",
        ["Digest:UnsubscribeSigningKey"] = "the output of `openssl rand -base64 32`",
        ["Digest:BatchSize"] = "1000",
        ["Digest:MaxArticleBytes"] = "10485760",
        ["Digest:MaxStories"] = "150",
        ["Digest:MaxArticleAgeDays"] = "3",
        ["Digest:FullStories"] = "8",
        ["Digest:PostalAddress"] = "\"1 Harbour Road, Port Town\"",
        ["Digest:SendEmptyDigest"] = "false",
        ["Digest:SendClaimLease"] = "00:10:00",
        ["Digest:ParseClaimTimeout"] = "00:02:00",
        ["Digest:Subscribers:ConfirmationLifetime"] = "2.00:00:00",
        ["Digest:Subscribers:ConfirmationInterval"] = "01:00:00",
        ["Digest:Subscribers:RequestsPerClientPerHour"] = "10",
        ["Digest:Subscribers:SoftBounceDays"] = "3",
        ["Digest:Subscribers:MaxEventBatchBytes"] = "2097152",
        ["Digest:Stories:LookbackDays"] = "7",
        ["Digest:Stories:SignatureTerms"] = "40",
        ["Digest:Stories:SignatureEntities"] = "25",
        ["Digest:Stories:SentenceEmbeddingBudget"] = "600",
        ["Digest:Stories:WriteAttempts"] = "5",
    };

    /// <summary>Throws <see cref="CliException"/> for the first invalid setting.</summary>
    public static void Validate(IConfiguration configuration)
    {
        using (var services = new ServiceCollection().AddDigestCore(configuration).BuildServiceProvider())
        {
            Check<DigestOptions>(services, DigestOptions.Section, configuration);
            Check<StoryComposerOptions>(services, StoryComposerOptions.Section, configuration);
            Check<Digest.Core.Delivery.Subscribing.SubscribersOptions>(services, Digest.Core.Delivery.Subscribing.SubscribersOptions.Section, configuration);
        }

        try
        {
            EmailProviderSetting.Read(configuration);
        }
        catch (InvalidOperationException)
        {
            throw new CliException($"setting Email__Provider='{configuration[EmailProviderSetting.Key]}' names no email provider; set it to e.g. Outbox, Smtp or SendGrid");
        }

        if (configuration[ScheduleSetting] is { } schedule)
        {
            Schedule(schedule, "setting " + ScheduleSetting);
        }

        VisibilityTimeout(configuration);
    }

    /// <summary>The one-line error for a setting (its configuration key) that a rule refused.</summary>
    public static CliException Bad(IConfiguration configuration, string key, string problem)
    {
        var shown = Secrets.Contains(key) ? "" : $"='{configuration[key]}'";
        var example = Examples.TryGetValue(key, out var e) ? $"; set it to e.g. {e}" : "";
        return new CliException($"setting {key.Replace(":", "__", StringComparison.Ordinal)}{shown} {problem.TrimEnd('.')}{example}");
    }

    private static void Check<T>(IServiceProvider services, string section, IConfiguration configuration)
        where T : class
    {
        try
        {
            _ = services.GetRequiredService<IOptions<T>>().Value;
        }
        catch (OptionsValidationException e)
        {
            // The validators' failures read "Member: problem".
            var failure = e.Failures.First();
            var colon = failure.IndexOf(": ", StringComparison.Ordinal);
            throw colon > 0 && !failure[..colon].Contains(' ', StringComparison.Ordinal)
                ? Bad(configuration, $"{section}:{failure[..colon]}", failure[(colon + 2)..])
                : new CliException($"setting under {section.Replace(":", "__", StringComparison.Ordinal)}__ is not valid: {failure}");
        }
        catch (InvalidOperationException e) when (BinderFailure().Match(e.Message) is { Success: true } match)
        {
            throw Bad(configuration, match.Groups["key"].Value, match.Groups["type"].Value switch
            {
                "System.Int32" or "System.Int64" => "is not a whole number",
                "System.Boolean" => "is not true or false",
                "System.TimeSpan" => "is not a time span such as 00:00:30",
                var type => "is not a valid " + type,
            });
        }
    }

    [GeneratedRegex("at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BinderFailure();

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
            throw new CliException($"setting Digest__Dev__VisibilityTimeout='{text}' is not a time from 00:00:01 to 7.00:00:00; set it to e.g. 00:00:30");
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
}
