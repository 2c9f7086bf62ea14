using Digest.Core.Delivery;
using Digest.Email.Outbox;
using Digest.Email.SendGrid;
using Digest.Email.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.Email.Tests;

public sealed class EmailServiceCollectionExtensionsTests
{
    [Fact]
    public void AddDigestEmail_NoProvider_RegistersNoSenderForOutboxCode()
    {
        using var provider = Build([]);

        Assert.Null(provider.GetService<IEmailSender>());
        Assert.Equal(EmailProvider.Outbox, EmailProviderSetting.Read(Config([])));
    }

    [Fact]
    public void AddDigestEmail_Smtp_RegistersSmtpSenderWithBoundOptions()
    {
        using var provider = Build(new() { ["Email:Provider"] = "smtp", ["Email:Smtp:Host"] = "127.0.0.1", ["Email:Smtp:Port"] = "1025" });

        Assert.IsType<SmtpEmailSender>(provider.GetRequiredService<IEmailSender>());
        Assert.Equal(1025, provider.GetRequiredService<IOptions<SmtpOptions>>().Value.Port);
    }

    [Fact]
    public void AddDigestEmail_SendGridWithKey_RegistersSendGridSender()
    {
        using var provider = Build(new()
        {
            ["Email:Provider"] = "SendGrid",
            ["Email:SendGrid:ApiKey"] = "SG.key",
            ["Email:SendGrid:SandboxMode"] = "true",
            ["Email:SendGrid:Categories:0"] = "daily",
        });

        Assert.IsType<SendGridEmailSender>(provider.GetRequiredService<IEmailSender>());
        var options = provider.GetRequiredService<IOptions<SendGridOptions>>().Value;
        Assert.True(options.SandboxMode);
        Assert.Equal(["daily"], options.Categories);
    }

    [Theory]
    [InlineData("Email:SendGrid:ApiKey", "", "ApiKey is required")]
    [InlineData("Email:SendGrid:BaseAddress", "http://api.example.com", "https")]
    [InlineData("Email:SendGrid:MaxRecipientsPerRequest", "1001", "1..1000")]
    public void AddDigestEmail_SendGridInvalid_FailsValidationWithClearMessage(string key, string value, string expected)
    {
        using var provider = Build(new() { ["Email:Provider"] = "SendGrid", ["Email:SendGrid:ApiKey"] = "SG.key", [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SendGridOptions>>().Value);

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("SG.key", error.Message);
    }

    [Fact]
    public void AddDigestEmailSender_NoProvider_RegistersOutboxAtConfiguredPath()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDigestEmailSender(Config(new() { ["Email:Outbox:Path"] = "/tmp/digest-outbox-test" }));
        using var provider = services.BuildServiceProvider();

        Assert.IsType<OutboxEmailSender>(provider.GetRequiredService<IEmailSender>());
        Assert.Equal("/tmp/digest-outbox-test", provider.GetRequiredService<IOptions<OutboxOptions>>().Value.Path);
    }

    [Fact]
    public void AddDigestEmailSender_SendGrid_RegistersSendGridNotOutbox()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDigestEmailSender(Config(new() { ["Email:Provider"] = "SendGrid", ["Email:SendGrid:ApiKey"] = "SG.key" }));
        using var provider = services.BuildServiceProvider();

        Assert.IsType<SendGridEmailSender>(provider.GetRequiredService<IEmailSender>());
        Assert.Single(services, d => d.ServiceType == typeof(IEmailSender));
    }

    [Fact]
    public void AddDigestEmail_UnknownProvider_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Email:Provider"] = "Carrier pigeon" }));

        Assert.Contains("Outbox, Smtp or SendGrid", error.Message);
    }

    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDigestEmail(Config(values));
        return services.BuildServiceProvider();
    }
}
