using Digest.Email.SendGrid;

namespace Digest.Email.Tests.SendGrid;

public sealed class SendGridErrorFieldsTests
{
    [Theory]
    [InlineData(new[] { "personalizations.3.to" }, 10, new[] { 3 })]
    [InlineData(new[] { "personalizations[1].to[0].email", "personalizations.4" }, 10, new[] { 1, 4 })]
    [InlineData(new[] { "personalizations.3.to", "from" }, 10, null)]
    [InlineData(new[] { "personalizations" }, 10, null)]
    [InlineData(new[] { "personalizations.12.to" }, 10, null)]
    [InlineData(new[] { "personalizations.0.to" }, 1, null)]
    [InlineData(new string[0], 10, null)]
    public void BlamedPersonalizations_Fields_ReturnsIndicesOnlyWhenAllArePersonalizations(string[] fields, int count, int[]? expected)
    {
        var errors = fields.Select(f => new SendGridError("bad", f)).ToList();

        var blamed = SendGridErrorFields.BlamedPersonalizations(errors, count);

        Assert.Equal(expected, blamed?.Order().ToArray());
    }
}
