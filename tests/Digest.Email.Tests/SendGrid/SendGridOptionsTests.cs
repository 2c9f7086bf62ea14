using Digest.Email.SendGrid;

namespace Digest.Email.Tests.SendGrid;

public sealed class SendGridOptionsTests
{
    [Fact]
    public void ToString_WithApiKey_RedactsKey()
    {
        var options = new SendGridOptions { ApiKey = "SG.secret-value-123" };

        Assert.DoesNotContain("secret-value", options.ToString());
        Assert.Contains("***", options.ToString());
    }

    [Fact]
    public void Defaults_MatchSendGridLimits()
    {
        var options = new SendGridOptions();

        Assert.Equal(new Uri("https://api.sendgrid.com"), options.BaseAddress);
        Assert.Equal(1000, options.MaxRecipientsPerRequest);
        Assert.Equal(4, options.MaxRetries);
        Assert.False(options.SandboxMode);
    }
}
