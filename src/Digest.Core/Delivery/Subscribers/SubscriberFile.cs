using System.Text;

namespace Digest.Core.Delivery.Subscribers;

/// <summary>What an import file held: the usable rows and a diagnostic for every row that was not usable.</summary>
public sealed record SubscriberFile(IReadOnlyList<SubscriberRow> Rows, IReadOnlyList<SubscriberFileDiagnostic> Diagnostics)
{
    /// <summary>Reads a .csv or .json file by extension.</summary>
    public static async Task<SubscriberFile> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            await using var json = File.OpenRead(path);
            return await SubscriberJson.ReadAsync(json, cancellationToken).ConfigureAwait(false);
        }

        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            // Strict UTF-8: a Windows-1252 export would otherwise turn names into replacement characters silently.
            using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            try
            {
                return SubscriberCsv.Read(reader);
            }
            catch (DecoderFallbackException)
            {
                return new SubscriberFile([], [new SubscriberFileDiagnostic("file", "bad-encoding", "the file is not UTF-8 (save it as CSV UTF-8)")]);
            }
        }

        return new SubscriberFile([], [new SubscriberFileDiagnostic("file", "unknown-format", "the file must end in .csv or .json")]);
    }
}
