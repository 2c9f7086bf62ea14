namespace Digest.Core.Delivery.Subscribers;

/// <summary>Field rules shared by the CSV and JSON readers: address, name, status and topics of one row.</summary>
internal static class SubscriberFields
{
    public const int MaxNameLength = 256;

    /// <summary>Builds a row, or returns a diagnostic explaining why the row is unusable.</summary>
    public static (SubscriberRow? Row, SubscriberFileDiagnostic? Error) Create(string location, string? email, string? name, string? status, IEnumerable<string>? topics)
    {
        if (EmailAddressRules.Validate(email, out var address) is { } addressError)
        {
            return (null, new SubscriberFileDiagnostic(location, "invalid-address", $"{EmailMask.Mask(email?.Trim())}: {addressError}"));
        }

        name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        if (name is not null && (name.Length > MaxNameLength || name.Any(char.IsControl)))
        {
            return (null, new SubscriberFileDiagnostic(location, "invalid-name", $"{EmailMask.Mask(address)}: the name has control characters or is longer than {MaxNameLength} characters"));
        }

        SubscriberStatus? parsedStatus = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!TryParseStatus(status, out var s))
            {
                return (null, new SubscriberFileDiagnostic(location, "unknown-status", $"{EmailMask.Mask(address)}: status must be active, pending, unsubscribed, bounced or complained"));
            }

            parsedStatus = s;
        }

        var topicList = topics?.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return (new SubscriberRow(location, address, name, parsedStatus, topicList is { Count: > 0 } ? topicList : null), null);
    }

    /// <summary>The status as written in files and shown: its name in lower case (active, pending, unsubscribed, bounced, complained).</summary>
    public static string Format(SubscriberStatus status) => status.ToString().ToLowerInvariant();

    private static bool TryParseStatus(string value, out SubscriberStatus status)
    {
        status = Enum.GetValues<SubscriberStatus>().FirstOrDefault(s => Format(s) == value.Trim().ToLowerInvariant(), (SubscriberStatus)(-1));
        return Enum.IsDefined(status);
    }
}
