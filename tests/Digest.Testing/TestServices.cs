using Xunit;

namespace Digest.Testing;

/// <summary>
/// Where the real local services started by the test command (test.sh) listen. Set by test.sh:
/// DIGEST_TEST_STORAGE (Azurite connection string), DIGEST_TEST_SMTP_PORT and DIGEST_TEST_MAILDEV_URL (maildev).
/// </summary>
public static class TestServices
{
    public static string? StorageConnectionString => Environment.GetEnvironmentVariable("DIGEST_TEST_STORAGE");

    public static int? SmtpPort => int.TryParse(Environment.GetEnvironmentVariable("DIGEST_TEST_SMTP_PORT"), out var p) ? p : null;

    public static Uri? MaildevUrl => Uri.TryCreate(Environment.GetEnvironmentVariable("DIGEST_TEST_MAILDEV_URL"), UriKind.Absolute, out var u) ? u : null;

    /// <summary>test.sh sets DIGEST_REQUIRE_SERVICES=1: then a missing service fails the test instead of skipping it.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("DIGEST_REQUIRE_SERVICES") == "1";

    public static string RequireStorage() =>
        StorageConnectionString ?? throw new InvalidOperationException("DIGEST_TEST_STORAGE is not set: run the tests with ./test.sh, which starts Azurite.");
}

/// <summary>A test that needs Azurite: skipped (with why) when run outside ./test.sh, never skipped inside it.</summary>
public sealed class AzuriteFactAttribute : FactAttribute
{
    public AzuriteFactAttribute()
    {
        if (TestServices.StorageConnectionString is null && !TestServices.Required)
        {
            Skip = "Needs Azurite: run ./test.sh (it starts Azurite and sets DIGEST_TEST_STORAGE).";
        }
    }
}

/// <summary>A test that needs maildev: skipped (with why) when run outside ./test.sh, never skipped inside it.</summary>
public sealed class MaildevFactAttribute : FactAttribute
{
    public MaildevFactAttribute()
    {
        if ((TestServices.SmtpPort is null || TestServices.MaildevUrl is null) && !TestServices.Required)
        {
            Skip = "Needs maildev: run ./test.sh (it starts maildev and sets DIGEST_TEST_SMTP_PORT / DIGEST_TEST_MAILDEV_URL).";
        }
    }
}
