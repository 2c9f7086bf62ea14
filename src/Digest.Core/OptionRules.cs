using System.ComponentModel.DataAnnotations;
using Digest.Core.Delivery;

namespace Digest.Core;

/// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/> (no upper bound at <see cref="long.MaxValue"/>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WholeNumberAttribute(long minimum, long maximum = long.MaxValue)
    : ValidationAttribute(maximum == long.MaxValue ? $"is not a whole number of at least {minimum}" : $"is not a whole number from {minimum} to {maximum}")
{
    public long Minimum { get; } = minimum;

    public long Maximum { get; } = maximum;

    public override bool IsValid(object? value) => value is int or long && Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) is var n && n >= Minimum && n <= Maximum;
}

/// <summary>A time span from <paramref name="minimum"/> to <paramref name="maximum"/> (both in the invariant "d.hh:mm:ss" form).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DurationAttribute(string minimum, string maximum)
    : ValidationAttribute($"is not a time from {minimum} to {maximum}")
{
    public TimeSpan Minimum { get; } = TimeSpan.Parse(minimum, System.Globalization.CultureInfo.InvariantCulture);

    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, System.Globalization.CultureInfo.InvariantCulture);

    public override bool IsValid(object? value) => value is TimeSpan t && t >= Minimum && t <= Maximum;
}

/// <summary>An IANA (or Windows) time-zone id this machine knows.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeZoneIdAttribute() : ValidationAttribute("is not a known IANA time zone")
{
    public override bool IsValid(object? value) => value is string id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}

/// <summary>An absolute https URL (http only on loopback, for the local hosts).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PublicUrlAttribute() : ValidationAttribute("is not an absolute https URL (http only on localhost)")
{
    public override bool IsValid(object? value) =>
        value is string text && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback);
}

/// <summary>An email address as subscriber addresses are checked (<see cref="Delivery.Subscribers.EmailAddressRules"/>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MailboxAttribute() : ValidationAttribute("is not a valid email address")
{
    public override bool IsValid(object? value) => value is string address && Delivery.Subscribers.EmailAddressRules.IsValid(address);
}

/// <summary>
/// An unsubscribe signing key, when set: what <see cref="UnsubscribeToken"/> accepts (32 bytes or more), and not an
/// unresolved Key Vault reference. App Service passes a reference through verbatim when it cannot resolve it; that
/// text is long enough to pass as a key, and a key anyone can read in the app settings would let anyone forge links.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SigningKeyAttribute : ValidationAttribute
{
    public const string TooShort = "is too short for HMAC-SHA256: set 32 or more bytes, e.g. the output of `openssl rand -base64 32`";

    public const string UnresolvedKeyVaultReference =
        "is an unresolved Key Vault reference (the literal @Microsoft.KeyVault(...) text): the platform could not " +
        "read the secret, so it passed the reference through. Check that the app's identity has 'Key Vault Secrets User' on the vault, that " +
        "keyVaultReferenceIdentity names that identity, and that the secret exists; the reference text itself is never used as a key";

    public static bool IsKeyVaultReference(string? value) =>
        value is not null && value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is not string { Length: > 0 } key)
        {
            return ValidationResult.Success;
        }

        var member = validationContext.MemberName is { } name ? [name] : Array.Empty<string>();
        if (IsKeyVaultReference(key))
        {
            return new ValidationResult(UnresolvedKeyVaultReference, member);
        }

        try
        {
            _ = new UnsubscribeToken(key);
            return ValidationResult.Success;
        }
        catch (ArgumentException)
        {
            return new ValidationResult(TooShort, member);
        }
    }
}
