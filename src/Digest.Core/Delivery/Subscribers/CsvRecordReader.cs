using System.Text;

namespace Digest.Core.Delivery.Subscribers;

/// <summary>
/// Reads RFC 4180 records: comma-separated fields, CRLF (or LF) between records, fields optionally in double quotes,
/// where "" is a quote and commas and line breaks are literal. Malformed quoting is reported on the record.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private int _line = 1;

    public CsvRecord? Read()
    {
        var c = reader.Read();
        if (c == -1)
        {
            return null;
        }

        var start = _line;
        var fields = new List<string>();
        var field = new StringBuilder();
        string? error = null;
        bool quoted = false, closed = false, fieldStart = true;
        while (true)
        {
            if (c == -1)
            {
                if (quoted)
                {
                    error ??= "a quoted field is never closed";
                }

                fields.Add(field.ToString());
                return new CsvRecord(start, fields, error);
            }

            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"' && reader.Peek() == '"')
                {
                    reader.Read();
                    field.Append('"');
                }
                else if (ch == '"')
                {
                    quoted = false;
                    closed = true;
                }
                else
                {
                    _line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }
            }
            else if (ch == '"' && fieldStart)
            {
                quoted = true;
                fieldStart = false;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStart = true;
                closed = false;
            }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                _line++;
                fields.Add(field.ToString());
                return new CsvRecord(start, fields, error);
            }
            else
            {
                if (closed || ch == '"')
                {
                    error ??= "a quote in the middle of a field (quote the whole field and double inner quotes)";
                }

                field.Append(ch);
                fieldStart = false;
            }

            c = reader.Read();
        }
    }
}

/// <summary>One CSV record: the line it starts on, its fields, and a quoting error if any.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Error)
{
    public bool IsBlank => Fields.Count == 1 && Fields[0].Trim().Length == 0;
}
