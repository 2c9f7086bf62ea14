using Azure.Core;

namespace Digest.Azure.Pipeline;

/// <summary>
/// Which headers and query parameters Azure.Core may log unredacted: service ids and paging, never Authorization,
/// metadata (x-ms-meta-*) or pop receipts.
/// </summary>
internal static class StorageDiagnostics
{
    private static readonly string[] Headers =
    [
        "x-ms-version", "x-ms-date", "x-ms-request-id", "x-ms-error-code", "x-ms-blob-type", "x-ms-lease-action",
        "x-ms-lease-duration", "x-ms-lease-state", "x-ms-lease-status", "x-ms-approximate-messages-count",
        "x-ms-client-request-id", "ETag", "Last-Modified", "If-Match", "If-None-Match", "Content-Range",
    ];

    private static readonly string[] QueryParameters = ["comp", "restype", "prefix", "marker", "maxresults", "include", "numofmessages", "visibilitytimeout", "peekonly", "messagettl", "timeout"];

    public static void Configure(DiagnosticsOptions diagnostics)
    {
        foreach (var header in Headers)
        {
            diagnostics.LoggedHeaderNames.Add(header);
        }

        foreach (var parameter in QueryParameters)
        {
            diagnostics.LoggedQueryParameters.Add(parameter);
        }
    }
}
