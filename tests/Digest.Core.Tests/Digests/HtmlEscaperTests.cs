using Digest.Core.Digests;

namespace Digest.Core.Tests.Digests;

public sealed class HtmlEscaperTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("Plain text, “quotes” and China’s café", "Plain text, “quotes” and China’s café")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;")]
    [InlineData("' onmouseover='x` & &amp;", "&#x27; onmouseover&#x3D;&#x27;x&#x60; &amp; &amp;amp;")]
    [InlineData("a\r\nb\tc\0", "a&#xD;\nb\tc&#x0;")]
    [InlineData("\u202Egnp.exe\u202C \u2066x\u2069 \u200E\u200F\u061C", "&#x202E;gnp.exe&#x202C; &#x2066;x&#x2069; &#x200E;&#x200F;&#x61C;")]
    [InlineData("{{ digest.title }}", "{{ digest.title }}")]
    public void Encode_Text_EscapesMarkupControlAndBidiCharacters(string text, string expected)
    {
        Assert.Equal(expected, HtmlEscaper.Encode(text));
    }
}
