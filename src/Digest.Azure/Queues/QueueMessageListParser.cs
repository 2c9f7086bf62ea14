using System.Globalization;
using System.Xml.Linq;
using Digest.Azure.Pipeline;
using Digest.Azure.Queues.Models;

namespace Digest.Azure.Queues;

/// <summary>Parses &lt;QueueMessagesList&gt; bodies of Put Message, Get Messages and Peek Messages.</summary>
internal static class QueueMessageListParser
{
    public static IReadOnlyList<XElement> Messages(Stream xml)
    {
        var root = StorageXml.Load(xml).Root;
        return root is { Name.LocalName: "QueueMessagesList" }
            ? root.Elements("QueueMessage").ToList()
            : throw new FormatException("Queue response is not a QueueMessagesList document.");
    }

    public static QueueMessage Received(XElement m, QueueMessageEncoding encoding) => new(
        Text(m, "MessageId"),
        Text(m, "PopReceipt"),
        QueueMessageCodec.Decode(m.Element("MessageText")?.Value ?? string.Empty, encoding),
        long.Parse(Text(m, "DequeueCount"), NumberStyles.None, CultureInfo.InvariantCulture),
        Date(m, "InsertionTime"),
        Date(m, "ExpirationTime"),
        Date(m, "TimeNextVisible"));

    public static PeekedMessage Peeked(XElement m, QueueMessageEncoding encoding) => new(
        Text(m, "MessageId"),
        QueueMessageCodec.Decode(m.Element("MessageText")?.Value ?? string.Empty, encoding),
        long.Parse(Text(m, "DequeueCount"), NumberStyles.None, CultureInfo.InvariantCulture),
        Date(m, "InsertionTime"),
        Date(m, "ExpirationTime"));

    public static SendReceipt Receipt(XElement m) => new(
        Text(m, "MessageId"),
        Text(m, "PopReceipt"),
        Date(m, "InsertionTime"),
        Date(m, "ExpirationTime"),
        Date(m, "TimeNextVisible"));

    private static string Text(XElement m, string name) =>
        m.Element(name)?.Value ?? throw new FormatException($"Queue message has no {name}.");

    private static DateTimeOffset Date(XElement m, string name) =>
        DateTimeOffset.ParseExact(Text(m, name), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
