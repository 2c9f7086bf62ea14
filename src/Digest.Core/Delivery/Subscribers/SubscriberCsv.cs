using CsvHelper;

namespace Digest.Core.Delivery.Subscribers;

/// <summary>
/// Subscriber CSV (RFC 4180, read and written by CsvHelper): a header row naming the columns email (required), name,
/// status, topics (in any order, case-insensitive); topics are separated by ';'. Export quotes fields that need it and,
/// against spreadsheet formula injection (OWASP "CSV injection"), has CsvHelper prefix a field starting with = + - @
/// (or a tab or CR) with an apostrophe, which import removes again, so export then import round-trips.
/// </summary>
public static class SubscriberCsv
{
    public static readonly IReadOnlyList<string> Columns = ["email", "name", "status", "topics"];

    private static readonly CsvWriterOptions WriterOptions = CsvWriterOptions.Default with { Separator = ',', Injection = CsvInjection.Escape };

    public static SubscriberFile Read(TextReader reader)
    {
        var rows = new List<SubscriberRow>();
        var diagnostics = new List<SubscriberFileDiagnostic>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            Mode = CsvMode.Rfc4180,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            IncludeValuesInExceptions = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = bad => diagnostics.Add(new SubscriberFileDiagnostic($"line {bad.LineNumber}", "bad-csv", Why(bad.Reason))),
        };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        List<string>? names = null;
        while (csv.Read())
        {
            var fields = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i)).ToList();
            if (fields.Count == 1 && fields[0].Trim().Length == 0)
            {
                continue;
            }

            var location = $"line {csv.LineNumber}";
            if (names is null)
            {
                if (diagnostics.Count > 0)
                {
                    break; // the header row itself was malformed
                }

                names = fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
                if (!names.Contains("email") || names.Distinct().Count() != names.Count)
                {
                    diagnostics.Add(new SubscriberFileDiagnostic(location, "bad-csv", "the header row must name an 'email' column, and each column once"));
                    return new SubscriberFile(rows, diagnostics);
                }

                foreach (var unknown in names.Where(n => !Columns.Contains(n)))
                {
                    diagnostics.Add(new SubscriberFileDiagnostic(location, "unknown-column", $"column '{unknown}' is ignored"));
                }

                continue;
            }

            if (fields.Count != names.Count)
            {
                diagnostics.Add(new SubscriberFileDiagnostic(location, "bad-csv", $"the row has {fields.Count} fields, the header {names.Count}"));
                continue;
            }

            string? Field(string column) => names.IndexOf(column) is var i and >= 0 ? Unprotect(fields[i]) : null;
            var (row, error) = SubscriberFields.Create(location, Field("email"), Field("name"), Field("status"), Field("topics")?.Split(';'));
            if (row is not null)
            {
                rows.Add(row);
            }
            else
            {
                diagnostics.Add(error!);
            }
        }

        if (names is null)
        {
            diagnostics.Clear();
            diagnostics.Add(new SubscriberFileDiagnostic("line 1", "bad-csv", "the file needs a header row: email,name,status,topics"));
        }

        return new SubscriberFile(rows, diagnostics);
    }

    public static async Task WriteAsync(TextWriter writer, IEnumerable<Subscriber> subscribers, CancellationToken cancellationToken = default)
    {
        // RFC 4180: CRLF between records, header first.
        await using var csv = CsvWriter.Create(writer, WriterOptions, leaveOpen: true);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
        foreach (var s in subscribers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.WriteField(s.Email);
            csv.WriteField(s.Name ?? string.Empty);
            csv.WriteField(SubscriberFields.Format(s.Status));
            csv.WriteField(string.Join(';', s.Topics));
            await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
        }

        await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Why(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed",
        CsvMalformedReason.StrayQuote or CsvMalformedReason.TextAfterClosingQuote => "a quote in the middle of a field (quote the whole field and double inner quotes)",
        _ => "the row is not valid CSV",
    };

    // Export's formula escape, undone on import.
    private static string Unprotect(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;
}
