using System.Globalization;
using System.Text;
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

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

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

        // Without SMTPUTF8 (RFC 6531), which Digest's providers are not asked for, a non-ASCII local part cannot be
        // delivered: refused here, with the reason, rather than parked at every send.
        var local = normalized[..Math.Max(0, at)];
        if (!Ascii.IsValid(local))
        {
            return "the local part has non-ASCII characters, which cannot be delivered without SMTPUTF8";
        }

        // Internationalised domains are stored in their ASCII (punycode) form, RFC 5890; punycode is accepted in any case.
        if (at > 0 && (!Ascii.IsValid(domain) || domain.Contains("xn--", StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                normalized = local + "@" + Idn.GetAscii(domain).ToLowerInvariant();
            }
            catch (ArgumentException)
            {
                return "the domain is not a valid internationalised domain name";
            }
        }

        if (!MailboxAddress.TryParse(StrictParser, normalized, out var parsed) || !string.Equals(parsed.GetAddress(idnEncode: true), normalized, StringComparison.OrdinalIgnoreCase))
        {
            return "the address is not a valid e-mail address";
        }

        return null;
    }

    /// <summary>True when <paramref name="input"/> is acceptable.</summary>
    public static bool IsValid(string? input) => Validate(input, out _) is null;
}
