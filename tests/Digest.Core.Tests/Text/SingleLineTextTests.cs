using Digest.Core.Text;

namespace Digest.Core.Tests.Text;

public sealed class SingleLineTextTests
{
    [Theory]
    [InlineData("Evil\r\nBcc: x@example.com", "Evil Bcc: x@example.com")]
    [InlineData("a\nb\rc\td", "a b c d")]
    [InlineData("  spaced   out  ", "spaced out")]
    [InlineData("plain", "plain")]
    [InlineData("\u0085next line", "next line")]
    public void From_ControlCharacters_BecomeSingleSpaces(string input, string expected)
    {
        Assert.Equal(expected, SingleLineText.From(input));
    }
}
