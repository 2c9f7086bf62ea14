using System.Globalization;
using System.Xml.Linq;
using Azure;
using Digest.Azure.Blobs.Models;
using Digest.Azure.Pipeline;

namespace Digest.Azure.Blobs;

/// <summary>
/// Parses the List Blobs XML (&lt;EnumerationResults&gt;&lt;Blobs&gt;&lt;Blob&gt;...&lt;/Blobs&gt;&lt;NextMarker/&gt;).
/// Names flagged Encoded="true" (characters XML cannot carry) are percent-decoded; listing ETags, which come without
/// quotes, are normalised to the quoted header form.
/// </summary>
internal static class BlobListParser
{
    public static BlobListPage Parse(Stream xml)
    {
        var root = StorageXml.Load(xml).Root;
        if (root is null || root.Name.LocalName != "EnumerationResults")
        {
            throw new FormatException("List Blobs response is not an EnumerationResults document.");
        }

        var items = root.Element("Blobs")?.Elements("Blob").Select(ParseBlob).ToList() ?? [];
        var next = root.Element("NextMarker")?.Value;
        return new BlobListPage(items, string.IsNullOrEmpty(next) ? null : next);
    }

    private static BlobItem ParseBlob(XElement blob)
    {
        var nameElement = blob.Element("Name") ?? throw new FormatException("A listed blob has no Name.");
        var name = (string?)nameElement.Attribute("Encoded") == "true" ? Uri.UnescapeDataString(nameElement.Value) : nameElement.Value;
        var props = blob.Element("Properties") ?? throw new FormatException($"Listed blob '{name}' has no Properties.");
        var etag = props.Element("Etag")?.Value ?? throw new FormatException($"Listed blob '{name}' has no Etag.");
        var lastModified = props.Element("Last-Modified")?.Value ?? throw new FormatException($"Listed blob '{name}' has no Last-Modified.");
        var length = long.Parse(props.Element("Content-Length")?.Value ?? "0", NumberStyles.None, CultureInfo.InvariantCulture);
        var contentType = props.Element("Content-Type")?.Value;
        var metadata = (blob.Element("Metadata")?.Elements() ?? [])
            .ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.OrdinalIgnoreCase);
        return new BlobItem(
            name,
            new BlobItemProperties(
                new ETag(etag.Trim('"')),
                DateTimeOffset.ParseExact(lastModified, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                length,
                string.IsNullOrEmpty(contentType) ? null : contentType),
            metadata);
    }
}
