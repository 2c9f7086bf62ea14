using System.Text;
using Digest.Azure.Queues;

namespace Digest.Azure.Tests.Queues;

public sealed class QueueMessageCodecTests
{
    [Theory]
    [InlineData("hello", "aGVsbG8=")]
    [InlineData("{\"a\":\"ü\"}", "eyJhIjoiw7wifQ==")]
    [InlineData("", "")]
    public void Encode_Base64_IsBase64OfUtf8(string text, string expected)
    {
        Assert.Equal(expected, QueueMessageCodec.Encode(text, QueueMessageEncoding.Base64));
        Assert.Equal(text, QueueMessageCodec.Decode(expected, QueueMessageEncoding.Base64));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("/w==")] // valid base64 of 0xFF, which is not UTF-8
    public void Decode_Base64OfSomethingElse_ReturnsWireText(string wire)
    {
        Assert.Equal(wire, QueueMessageCodec.Decode(wire, QueueMessageEncoding.Base64));
    }

    [Fact]
    public void Encode_None_KeepsText()
    {
        Assert.Equal("a<b", QueueMessageCodec.Encode("a<b", QueueMessageEncoding.None));
    }

    [Fact]
    public void Encode_OverLimitOnceEncoded_Throws()
    {
        var text = new string('x', 49_200); // 65,600 characters as base64

        var error = Assert.Throws<ArgumentException>(() => QueueMessageCodec.Encode(text, QueueMessageEncoding.Base64));

        Assert.Contains("65536", error.Message, StringComparison.Ordinal);
        Assert.Equal(48_000, QueueMessageCodec.Encode(new string('x', 48_000), QueueMessageEncoding.None).Length);
    }

    [Fact]
    public void Body_EscapesXml()
    {
        Assert.Equal("<QueueMessage><MessageText>a&lt;b&amp;c</MessageText></QueueMessage>", Encoding.UTF8.GetString(QueueMessageCodec.Body("a<b&c")));
    }
}
