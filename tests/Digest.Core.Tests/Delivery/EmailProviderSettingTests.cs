using Digest.Core.Delivery;
using Microsoft.Extensions.Configuration;

namespace Digest.Core.Tests.Delivery;

public sealed class EmailProviderSettingTests
{
    [Theory]
    [InlineData(null, EmailProvider.Outbox)]
    [InlineData("", EmailProvider.Outbox)]
    [InlineData("outbox", EmailProvider.Outbox)]
    [InlineData(" smtp ", EmailProvider.Smtp)]
    [InlineData("SendGrid", EmailProvider.SendGrid)]
    public void Read_KnownNames_CaseInsensitive(string? value, EmailProvider expected) =>
        Assert.Equal(expected, EmailProviderSetting.Read(Config(value)));

    [Theory]
    [InlineData("Carrier")]
    [InlineData("1")]
    [InlineData("7")]
    public void Read_UnknownName_IsRefusedNamingTheSetting(string value)
    {
        Assert.False(EmailProviderSetting.TryRead(Config(value), out _));
        var error = Assert.Throws<InvalidOperationException>(() => EmailProviderSetting.Read(Config(value)));
        Assert.Contains("Email:Provider must be Outbox, Smtp or SendGrid", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Config(string? value) =>
        new ConfigurationBuilder().AddInMemoryCollection([new KeyValuePair<string, string?>("Email:Provider", value)]).Build();
}
