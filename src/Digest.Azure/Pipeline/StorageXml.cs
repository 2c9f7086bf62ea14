using System.Xml;
using System.Xml.Linq;

namespace Digest.Azure.Pipeline;

/// <summary>Safe XML loading for service responses: no DTDs, no external resolution.</summary>
internal static class StorageXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
    };

    public static XDocument Load(Stream stream)
    {
        using var reader = XmlReader.Create(stream, Settings);
        return XDocument.Load(reader);
    }
}
