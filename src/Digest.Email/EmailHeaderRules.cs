namespace Digest.Email;

/// <summary>
/// Checks a per-recipient header before any sender writes it (SMTP, SendGrid, outbox). RFC 5322 2.2: a field name is
/// printable US-ASCII except ':'; a value here must be printable ASCII with no CR or LF (no header injection) and
/// fit one 998-character line. The List-Unsubscribe values Digest sets (RFC 2369, RFC 8058) are ASCII URLs.
/// </summary>
public static class EmailHeaderRules
{
    private const int MaxLineLength = 998;

    /// <summary>Headers a recipient may not set: the sender owns them.</summary>
    private static readonly HashSet<string> Owned = new(StringComparer.OrdinalIgnoreCase)
    {
        "To", "From", "Cc", "Bcc", "Subject", "Reply-To", "Sender", "Date", "Message-ID", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "Return-Path", "Received", "DKIM-Signature",
    };

    /// <summary>Null when the header is acceptable, else the reason (it names the header, never the value).</summary>
    public static string? Validate(string name, string value)
    {
        if (string.IsNullOrEmpty(name) || name.Any(c => c is < '!' or > '~' or ':'))
        {
            return "a header name must be printable ASCII without ':' or spaces";
        }

        if (Owned.Contains(name))
        {
            return $"the header {name} is set by the sender, not per recipient";
        }

        if (value is null || value.Contains('\r') || value.Contains('\n'))
        {
            return $"the value of header {name} contains CR or LF (header injection)";
        }

        if (value.Any(c => c is (< ' ' and not '\t') or > '~'))
        {
            return $"the value of header {name} must be printable ASCII";
        }

        if (name.Length + 2 + value.Length > MaxLineLength)
        {
            return $"the header {name} is longer than {MaxLineLength} characters";
        }

        return null;
    }

    /// <summary>The first problem among a recipient's headers, or null.</summary>
    public static string? ValidateAll(IReadOnlyDictionary<string, string> headers)
    {
        foreach (var (name, value) in headers)
        {
            if (Validate(name, value) is { } error)
            {
                return error;
            }
        }

        return null;
    }
}
