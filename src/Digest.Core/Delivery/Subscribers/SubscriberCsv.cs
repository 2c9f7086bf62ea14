using System.Text;

namespace Digest.Core.Delivery.Subscribers;

/// <summary>
/// Subscriber CSV (RFC 4180): a header row naming the columns email (required), name, status, topics (in any order,
/// case-insensitive); topics are separated by ';'. Export quotes fields that need it and, against spreadsheet
/// formula injection (OWASP "CSV injection"), prefixes a field starting with = + - @ with an apostrophe, which
/// import removes again, so export then import round-trips.
/// </summary>
public static class SubscriberCsv
{
    public static readonly IReadOnlyList<string> Columns = ["email", "name", "status", "topics"];

    public static SubscriberFile Read(TextReader reader)
    {
        var csv = new CsvRecordReader(reader);
        var rows = new List<SubscriberRow>();
        var diagnostics = new List<SubscriberFileDiagnostic>();
        var header = csv.Read();
        while (header is { IsBlank: true })
        {
            header = csv.Read();
        }

        if (header is null || header.Error is not null)
        {
            diagnostics.Add(new SubscriberFileDiagnostic("line 1", "bad-csv", "the file needs a header row: email,name,status,topics"));
            return new SubscriberFile(rows, diagnostics);
        }

        var names = header.Fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        if (!names.Contains("email") || names.Distinct().Count() != names.Count)
        {
            diagnostics.Add(new SubscriberFileDiagnostic($"line {header.Line}", "bad-csv", "the header row must name an 'email' column, and each column once"));
            return new SubscriberFile(rows, diagnostics);
        }

        foreach (var unknown in names.Where(n => !Columns.Contains(n)))
        {
            diagnostics.Add(new SubscriberFileDiagnostic($"line {header.Line}", "unknown-column", $"column '{unknown}' is ignored"));
        }

        while (csv.Read() is { } record)
        {
            if (record.IsBlank)
            {
                continue;
            }

            var location = $"line {record.Line}";
            if (record.Error is not null || record.Fields.Count != names.Count)
            {
                var why = record.Error ?? $"the row has {record.Fields.Count} fields, the header {names.Count}";
                diagnostics.Add(new SubscriberFileDiagnostic(location, "bad-csv", why));
                continue;
            }

            string? Field(string column) => names.IndexOf(column) is var i and >= 0 ? Unprotect(record.Fields[i]) : null;
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

        return new SubscriberFile(rows, diagnostics);
    }

    public static async Task WriteAsync(TextWriter writer, IEnumerable<Subscriber> subscribers, CancellationToken cancellationToken = default)
    {
        // RFC 4180: CRLF between records, header first.
        await writer.WriteAsync(string.Join(',', Columns) + "\r\n").ConfigureAwait(false);
        foreach (var s in subscribers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = string.Join(',', Quote(s.Email), Quote(s.Name ?? string.Empty), SubscriberFields.Format(s.Status), Quote(string.Join(';', s.Topics)));
            await writer.WriteAsync(line + "\r\n").ConfigureAwait(false);
        }
    }

    private static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        var needs = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' '));
        return needs ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Unprotect(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;
}
