using Digest.Email.Smtp;

namespace Digest.Email.Tests.Smtp;

public sealed class SmtpOptionsTests
{
    [Fact]
    public void ToString_WithPassword_RedactsPassword()
    {
        var text = new SmtpOptions { UserName = "mailer", Password = "hunter2-secret" }.ToString();

        Assert.DoesNotContain("hunter2", text);
        Assert.Contains("Password = ***", text);
    }
}
