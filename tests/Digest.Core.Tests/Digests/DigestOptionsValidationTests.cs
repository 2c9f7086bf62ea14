using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.Core.Tests.Digests;

public sealed class DigestOptionsValidationTests
{
    private static DigestOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddDigestCore(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<DigestOptions>>().Value;
    }

    [Theory]
    [InlineData("Smtp")]
    [InlineData("SendGrid")]
    [InlineData("sendgrid")]
    public void PostalAddress_MissingWhenSendingRealEmail_FailsNamingTheSetting(string provider)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Email:Provider"] = provider }));

        Assert.Contains("PostalAddress: is required when Email:Provider is Smtp or SendGrid", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Outbox")]
    public void PostalAddress_MissingWithTheFileOutbox_IsAllowed(string? provider) =>
        Assert.Equal(string.Empty, Resolve(new() { ["Email:Provider"] = provider }).PostalAddress);

    [Fact]
    public void PostalAddress_SetWithSendGrid_IsAccepted() =>
        Assert.Equal("1 Harbour Road", Resolve(new() { ["Email:Provider"] = "SendGrid", ["Digest:PostalAddress"] = "1 Harbour Road" }).PostalAddress);

    [Theory]
    [InlineData("Digest:MaxStories", "0")]
    [InlineData("Digest:MaxStories", "501")]
    [InlineData("Digest:FullStories", "-1")]
    public void StoryLimits_OutOfRange_Fail(string key, string value) =>
        Assert.Throws<OptionsValidationException>(() => Resolve(new() { [key] = value }));
}
