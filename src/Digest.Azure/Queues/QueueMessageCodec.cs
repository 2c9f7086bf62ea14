using System.Text;
using System.Xml;

namespace Digest.Azure.Queues;

/// <summary>
/// Message text on the wire. Base64 is what the Functions queue trigger expects; on receive, text that is not valid
/// base64 of UTF-8 is returned as is, which is also what the Functions host does with plain-text messages.
/// </summary>
internal static class QueueMessageCodec
{
    /// <summary>The service's limit for one message's (encoded) text.</summary>
    public const int MaxEncodedLength = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encode(string text, QueueMessageEncoding encoding)
    {
        var encoded = encoding == QueueMessageEncoding.Base64 ? Convert.ToBase64String(StrictUtf8.GetBytes(text)) : text;
        if (encoded.Length > MaxEncodedLength)
        {
            throw new ArgumentException($"The queue message is {encoded.Length} characters once encoded; a message holds at most {MaxEncodedLength}.", nameof(text));
        }

        return encoded;
    }

    public static string Decode(string wireText, QueueMessageEncoding encoding)
    {
        if (encoding != QueueMessageEncoding.Base64)
        {
            return wireText;
        }

        var buffer = new byte[wireText.Length];
        if (!Convert.TryFromBase64String(wireText, buffer, out var written))
        {
            return wireText;
        }

        try
        {
            return StrictUtf8.GetString(buffer, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return wireText;
        }
    }

    /// <summary>The Put Message body: &lt;QueueMessage&gt;&lt;MessageText&gt;…&lt;/MessageText&gt;&lt;/QueueMessage&gt;.</summary>
    public static byte[] Body(string encodedText)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = StrictUtf8, OmitXmlDeclaration = true }))
        {
            writer.WriteStartElement("QueueMessage");
            writer.WriteElementString("MessageText", encodedText);
            writer.WriteEndElement();
        }

        return stream.ToArray();
    }
}
