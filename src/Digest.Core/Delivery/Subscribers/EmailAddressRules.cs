using MimeKit;

namespace Digest.Core.Delivery.Subscribers;

/// <summary>
/// What Digest accepts as a subscriber address: a bare addr-spec that MimeKit's strict RFC 5322 parser reads back as itself,
/// at most 254 characters (RFC 5321 4.5.3.1.3 path limit minus the angle brackets), a local part of at most 64
/// characters, no control characters (no header injection), and a domain with at least one dot and no empty label.
/// </summary>
public static class EmailAddressRules
{
    public const int MaxLength = 254;
    public const int MaxLocalPartLength = 64;

    /// <summary>RFC 5322 as written: no address without a domain, no obsolete syntax tolerated.</summary>
    private static readonly ParserOptions StrictParser = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
    };

    /// <summary>Validates and trims an address. Returns null when valid, else a reason (which never repeats the address).</summary>
    public static string? Validate(string? input, out string normalized)
    {
        normalized = input?.Trim() ?? string.Empty;
        if (normalized.Length == 0)
        {
            return "the address is empty";
        }

        if (normalized.Length > MaxLength)
        {
            return $"the address is longer than {MaxLength} characters";
        }

        if (normalized.Any(char.IsControl))
        {
            return "the address contains a control character (CR, LF, tab...)";
        }

        if (normalized.Any(char.IsWhiteSpace) || normalized.Contains('<') || normalized.Contains('>'))
        {
            return "the address must be a bare address (no spaces, no display name, no angle brackets)";
        }

        var at = normalized.LastIndexOf('@');
        if (at > MaxLocalPartLength)
        {
            return $"the local part is longer than {MaxLocalPartLength} characters";
        }

        // The domain is checked first so that "jane@localhost" or a trailing dot gets the specific reason.
        var domain = normalized[(at + 1)..];
        if (at > 0 && (!domain.Contains('.') || domain.EndsWith('.') || domain.StartsWith('[')))
        {
            return "the domain must be a name with a dot (like example.com)";
        }

        if (!MailboxAddress.TryParse(StrictParser, normalized, out var parsed) || !string.Equals(parsed.Address, normalized, StringComparison.Ordinal))
        {
            return "the address is not a valid e-mail address";
        }

        return null;
    }

    /// <summary>True when <paramref name="input"/> is acceptable.</summary>
    public static bool IsValid(string? input) => Validate(input, out _) is null;
}
