using System.Xml;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace Digest.Azure.Pipeline;

/// <summary>
/// Reads a Storage error: the code from the x-ms-error-code header (present even on HEAD responses) and the
/// code and message from the XML body (&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;...&lt;/Error&gt;) when there is one.
/// </summary>
internal sealed class StorageRequestFailedDetailsParser : RequestFailedDetailsParser
{
    public static StorageRequestFailedDetailsParser Instance { get; } = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        string? message = null;
        data = null;
        try
        {
            var content = response.ContentStream is { CanSeek: true } ? response.Content : null;
            if (content is not null && content.ToMemory().Length > 0)
            {
                var root = StorageXml.Load(content.ToStream()).Root;
                if (root is { Name.LocalName: "Error" })
                {
                    code ??= root.Element("Code")?.Value;
                    message = root.Element("Message")?.Value.Split('\n')[0].Trim();
                    data = root.Elements()
                        .Where(e => e.Name.LocalName is not ("Code" or "Message"))
                        .ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.Ordinal);
                }
            }
        }
        catch (XmlException)
        {
            // Not an XML error body (a proxy page, say): keep what the header told us.
        }

        error = code is null && message is null ? null : new ResponseError(code, message ?? code);
        return error is not null;
    }
}
