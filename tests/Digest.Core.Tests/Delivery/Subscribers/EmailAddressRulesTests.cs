using Digest.Core.Delivery.Subscribers;

namespace Digest.Core.Tests.Delivery.Subscribers;

public sealed class EmailAddressRulesTests
{
    [Theory]
    [InlineData("jane@example.com", "jane@example.com")]
    [InlineData("  Jane.Doe+news@Sub.Example.co.uk ", "Jane.Doe+news@Sub.Example.co.uk")]
    [InlineData("o'brien@example.ie", "o'brien@example.ie")]
    [InlineData("user@bücher.de", "user@xn--bcher-kva.de")]
    [InlineData("user@xn--bcher-kva.de", "user@xn--bcher-kva.de")]
    [InlineData("USER@XN--BCHER-KVA.DE", "USER@xn--bcher-kva.de")]
    public void Validate_GoodAddress_ReturnsNullAndTrims(string input, string expected)
    {
        Assert.Null(EmailAddressRules.Validate(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("jürgen@example.de", "SMTPUTF8")]
    [InlineData("user@xn--zz-.de", "internationalised")]
    [InlineData("plainaddress", "not a valid")]
    [InlineData("jane@localhost", "domain")]
    [InlineData("jane@example..com", "not a valid")]
    [InlineData("jane@example.com.", "domain")]
    [InlineData("Jane <jane@example.com>", "bare address")]
    [InlineData("jane@example.com\r\nBcc: x@example.com", "control character")]
    [InlineData("jane@exa mple.com", "bare address")]
    [InlineData("jane@[127.0.0.1]", "domain")]
    public void Validate_BadAddress_ReturnsReason(string? input, string expected)
    {
        Assert.Contains(expected, EmailAddressRules.Validate(input, out _));
    }

    [Fact]
    public void Validate_TooLong_ReturnsReason()
    {
        var address = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".com";

        Assert.Contains("254", EmailAddressRules.Validate(address, out _));
    }

    [Fact]
    public void Validate_LocalPartOver64_ReturnsReason()
    {
        Assert.Contains("local part", EmailAddressRules.Validate(new string('a', 65) + "@example.com", out _));
    }

    [Theory]
    [InlineData("jane@example.com", "j***@example.com")]
    [InlineData("x@y.org", "x***@y.org")]
    [InlineData("broken", "***")]
    [InlineData(null, "***")]
    public void Mask_Address_HidesLocalPart(string? input, string expected)
    {
        Assert.Equal(expected, EmailMask.Mask(input));
    }
}
