using System.Globalization;
using Azure;
using Azure.Core;
using Digest.Azure.Blobs.Models;

namespace Digest.Azure.Blobs;

/// <summary>Request and response header mapping shared by the blob clients.</summary>
internal static class BlobHeaders
{
    public const string MetadataPrefix = "x-ms-meta-";

    public static void ApplyConditions(Request request, BlobRequestConditions? conditions)
    {
        if (conditions is null)
        {
            return;
        }

        if (conditions.IfMatch is { } ifMatch)
        {
            request.Headers.SetValue(HttpHeader.Names.IfMatch, ifMatch.ToString("H"));
        }

        if (conditions.IfNoneMatch is { } ifNoneMatch)
        {
            request.Headers.SetValue(HttpHeader.Names.IfNoneMatch, ifNoneMatch.ToString("H"));
        }

        if (conditions.IfModifiedSince is { } since)
        {
            request.Headers.SetValue(HttpHeader.Names.IfModifiedSince, since.ToString("r", CultureInfo.InvariantCulture));
        }

        if (conditions.IfUnmodifiedSince is { } unmodified)
        {
            request.Headers.SetValue(HttpHeader.Names.IfUnmodifiedSince, unmodified.ToString("r", CultureInfo.InvariantCulture));
        }

        if (conditions.LeaseId is { } leaseId)
        {
            request.Headers.SetValue("x-ms-lease-id", leaseId);
        }
    }

    /// <summary>Metadata names must be C# identifiers and values printable ASCII: the service rejects anything else.</summary>
    public static void ApplyMetadata(Request request, IDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        foreach (var (name, value) in metadata)
        {
            if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new ArgumentException($"Metadata name '{name}' is not valid: use ASCII letters, digits and '_', not starting with a digit.", nameof(metadata));
            }

            if (value.Any(c => c is < ' ' or > '~') || value != value.Trim())
            {
                throw new ArgumentException($"Metadata value of '{name}' is not valid: use printable ASCII without leading or trailing spaces.", nameof(metadata));
            }

            request.Headers.SetValue(MetadataPrefix + name, value);
        }
    }

    public static ETag ReadETag(Response response) =>
        response.Headers.ETag ?? throw new InvalidOperationException("The storage response has no ETag.");

    public static DateTimeOffset ReadLastModified(Response response) =>
        response.Headers.TryGetValue("Last-Modified", out var value)
            ? DateTimeOffset.ParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : throw new InvalidOperationException("The storage response has no Last-Modified.");

    public static BlobProperties ReadProperties(Response response)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            if (header.Name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name[MetadataPrefix.Length..]] = header.Value;
            }
        }

        response.Headers.TryGetValue("x-ms-lease-state", out var leaseState);
        return new BlobProperties(
            ReadETag(response),
            ReadLastModified(response),
            response.Headers.ContentLength ?? 0,
            response.Headers.ContentType,
            metadata,
            ParseLeaseState(leaseState));
    }

    public static LeaseState ParseLeaseState(string? value) =>
        Enum.TryParse<LeaseState>(value, ignoreCase: true, out var state) ? state : LeaseState.Available;

    /// <summary>
    /// Escapes a blob name segment by segment (slashes stay). Names with empty, "." or ".." segments are refused:
    /// URI normalisation would silently address another blob.
    /// </summary>
    public static string EscapeName(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        var segments = blobName.Split('/');
        if (blobName.Length > 1024 || segments.Any(s => s.Length == 0 || s is "." or ".."))
        {
            throw new ArgumentException($"Invalid blob name '{blobName}'.", nameof(blobName));
        }

        return string.Join('/', segments.Select(Uri.EscapeDataString));
    }

    public static Uri Append(Uri baseUri, string escapedPath) =>
        new(baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + escapedPath);
}
