using System.Text;
using Azure.Core;

namespace Digest.Azure.Pipeline;

/// <summary>
/// Builds the Shared Key string-to-sign for the Blob and Queue services (version 2009-09-19 and later), as documented in
/// "Authorize with Shared Key" (learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key):
/// VERB, Content-Encoding, Content-Language, Content-Length (empty when 0), Content-MD5, Content-Type, Date,
/// If-Modified-Since, If-Match, If-None-Match, If-Unmodified-Since, Range, each followed by a newline, then the
/// canonicalized x-ms-* headers ("name:value\n", lower-case names, sorted) and the canonicalized resource
/// ("/account/path", then "\nname:value" per query parameter, lower-case names, sorted, values decoded).
/// </summary>
internal static class SharedKeyStringToSign
{
    private static readonly string[] StandardHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    public static string Build(Request request, string accountName)
    {
        var builder = new StringBuilder(256);
        builder.Append(request.Method.Method.ToUpperInvariant()).Append('\n');
        foreach (var name in StandardHeaders)
        {
            builder.Append(StandardHeaderValue(request, name)).Append('\n');
        }

        AppendCanonicalizedHeaders(builder, request);
        AppendCanonicalizedResource(builder, request.Uri.ToUri(), accountName);
        return builder.ToString();
    }

    private static string StandardHeaderValue(Request request, string name)
    {
        if (name == "Content-Length")
        {
            // Since version 2015-02-21 a zero length is signed as the empty string.
            long length = 0;
            if (request.Content is { } content && !content.TryComputeLength(out length))
            {
                throw new InvalidOperationException("Shared Key signing needs a request body of known length.");
            }

            return length == 0 ? string.Empty : length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // Date is left empty because every request carries x-ms-date, which takes precedence.
        if (name == "Date")
        {
            return string.Empty;
        }

        return request.Headers.TryGetValue(name, out var value) ? value : string.Empty;
    }

    private static void AppendCanonicalizedHeaders(StringBuilder builder, Request request)
    {
        var headers = request.Headers
            .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
            .OrderBy(h => h.Name, SharedKeyHeaderNameComparer.Instance);
        foreach (var (name, value) in headers)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }
    }

    private static void AppendCanonicalizedResource(StringBuilder builder, Uri uri, string accountName)
    {
        // The path is signed exactly as encoded in the URI; path-style URIs (Azurite) keep the account segment,
        // giving "/devstoreaccount1/devstoreaccount1/container", which is what the service and Azurite expect.
        builder.Append('/').Append(accountName).Append(uri.AbsolutePath.Length > 0 ? uri.AbsolutePath : "/");
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return;
        }

        var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
                return (Name: Uri.UnescapeDataString(name).ToLowerInvariant(), Value: Uri.UnescapeDataString(value));
            })
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in parameters)
        {
            var values = string.Join(',', group.Select(p => p.Value).Order(StringComparer.Ordinal));
            builder.Append('\n').Append(group.Key).Append(':').Append(values);
        }
    }
}
