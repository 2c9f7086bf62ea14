using System.Text;

namespace Digest.Core.Delivery.Subscribers;

/// <summary>What an import file held: the usable rows and a diagnostic for every row that was not usable.</summary>
public sealed record SubscriberFile(IReadOnlyList<SubscriberRow> Rows, IReadOnlyList<SubscriberFileDiagnostic> Diagnostics)
{
    /// <summary>Reads a .csv or .json file by extension.</summary>
    /// <summary>Largest subscriber file read: 16 MiB, about 150,000 rows of a typical export. Larger files are refused whole.</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    /// <summary>Per-row diagnostics shown to a person: the first ten, then one line with how many more.</summary>
    public const int ShownDiagnostics = 10;

    public static async Task<SubscriberFile> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (new FileInfo(path) is { Exists: true, Length: > MaxBytes } large)
        {
            return new SubscriberFile([], [new SubscriberFileDiagnostic("file", "too-large", $"the file is {large.Length:N0} bytes; subscriber files are limited to {MaxBytes:N0} bytes (16 MiB): check it is the subscriber export, or split it")]);
        }

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

    /// <summary>The first <see cref="ShownDiagnostics"/> lines, then "... and N more" (a 6-million-line file prints 11 lines).</summary>
    public static IReadOnlyList<string> Shown(IReadOnlyList<string> lines) =>
        lines.Count <= ShownDiagnostics
            ? lines
            : [.. lines.Take(ShownDiagnostics), $"... and {lines.Count - ShownDiagnostics:N0} more"];
}
