using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Digest.Cli.Hosting;
using Digest.Core;
using Digest.Core.Stories;
using Microsoft.Extensions.Configuration;

namespace Digest.Cli.Tests.Hosting;

/// <summary>
/// Each documented setting's bad value stops the CLI before any work with one line that names the setting as the
/// environment variable an operator sets; the rules themselves are the options' (written once, as attributes).
/// </summary>
public sealed class SettingsCheckTests
{
    public static TheoryData<string, string, string> BadValues => new()
    {
        // environment variable, bad value, a fragment of the reason or example
        { "Digest__TimeZone", "Mars/Olympus", "Europe/Berlin" },
        { "Digest__PublicBaseUrl", "http://digest.example.com", "https://digest.example.com" },
        { "Digest__PublicBaseUrl", "not a url", "https" },
        { "Digest__FromAddress", "digest-at-example", "not a valid email address" },
        { "Digest__UnsubscribeSigningKey", "k3y-0f-9-bytes", "32 or more bytes" },
        { "Digest__UnsubscribeSigningKey", "@Microsoft.KeyVault(VaultName=kv;SecretName=key)", "unresolved Key Vault reference" },
        { "Digest__BatchSize", "0", "from 1 to 1000" },
        { "Digest__BatchSize", "1001", "from 1 to 1000" },
        { "Digest__BatchSize", "many", "not a whole number" },
        { "Digest__MaxArticleBytes", "0", "at least 1" },
        { "Digest__MaxStories", "501", "from 1 to 500" },
        { "Digest__MaxStories", "abc", "150" },
        { "Digest__FullStories", "-1", "from 0 to 50" },
        { "Digest__MaxArticleAgeDays", "3651", "from 0 to 3650" },
        { "Digest__SendEmptyDigest", "sometimes", "true or false" },
        { "Digest__SendClaimLease", "00:00:00", "from 00:00:01 to 1.00:00:00" },
        { "Digest__SendClaimLease", "soon", "00:10:00" },
        { "Digest__ParseClaimTimeout", "00:00:01", "from 00:00:05 to 1.00:00:00" },
        { "Digest__Subscribers__ConfirmationLifetime", "00:00:10", "from 00:01:00" },
        { "Digest__Subscribers__ConfirmationInterval", "-01:00:00", "from 00:00:00" },
        { "Digest__Subscribers__RequestsPerClientPerHour", "0", "from 1 to 100000" },
        { "Digest__Subscribers__SoftBounceDays", "0", "from 1 to 365" },
        { "Digest__Subscribers__MaxEventBatchBytes", "10", "from 1024" },
        { "Digest__Stories__LookbackDays", "91", "from 0 to 90" },
        { "Digest__Stories__WriteAttempts", "0", "from 1 to 100" },
        { "Email__Provider", "Carrier", "Smtp" },
        { "DigestSchedule", "0 0 25 * * *", "0 0 6 * * *" },
        { "Digest__Dev__VisibilityTimeout", "00:00:00", "00:00:01" },
        { "Digest__Dev__VisibilityTimeout", "soon", "00:00:30" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Validate_BadValue_OneLineNamingTheEnvironmentVariable(string variable, string value, string fragment)
    {
        var error = Assert.Throws<CliException>(() => SettingsCheck.Validate(Environment((variable, value))));

        Assert.StartsWith($"setting {variable}", error.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        if (variable.EndsWith("SigningKey", StringComparison.Ordinal))
        {
            Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_PostalAddressMissingWithSmtp_NamesIt()
    {
        var error = Assert.Throws<CliException>(() => SettingsCheck.Validate(Environment(("Email__Provider", "Smtp"))));

        Assert.StartsWith("setting Digest__PostalAddress", error.Message, StringComparison.Ordinal);
        Assert.Contains("CAN-SPAM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Pass() => SettingsCheck.Validate(Environment());

    [Fact]
    public void BadValues_CoverEveryRuleOfTheOptions()
    {
        // Every option that carries a rule has a bad-value case above, so a new rule cannot go untested.
        var ruled = new[] { (typeof(DigestOptions), "Digest__"), (typeof(StoryComposerOptions), "Digest__Stories__"), (typeof(Digest.Core.Delivery.Subscribing.SubscribersOptions), "Digest__Subscribers__") }
            .SelectMany(t => t.Item1.GetProperties().Where(p => p.GetCustomAttributes<ValidationAttribute>().Any()).Select(p => t.Item2 + p.Name));
        var covered = BadValues.Select(row => (string)row[0]).ToHashSet();

        Assert.Equal([], ruled.Where(name => !covered.Contains(name)).ToArray());
    }

    private static IConfiguration Environment(params (string Variable, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Variable.Replace("__", ":", StringComparison.Ordinal), v.Value))).Build();
}
