namespace Digest.Email.SendGrid;

/// <summary>Limits of SendGrid's v3 /mail/send endpoint (documented in the Mail Send API reference).</summary>
public static class SendGridLimits
{
    /// <summary>Personalizations (and total recipients) per request.</summary>
    public const int MaxPersonalizations = 1000;

    /// <summary>Total request size: "less than 30 MB".</summary>
    public const int MaxRequestBytes = 30 * 1024 * 1024;

    /// <summary>Legacy substitutions: total payload per personalization "less than 10,000 bytes".</summary>
    public const int MaxSubstitutionBytes = 10_000;

    /// <summary>custom_args: total payload "must not exceed 10,000 bytes".</summary>
    public const int MaxCustomArgsBytes = 10_000;

    /// <summary>Categories per message.</summary>
    public const int MaxCategories = 10;

    /// <summary>Characters per category.</summary>
    public const int MaxCategoryLength = 255;

    /// <summary>Headers SendGrid reserves (a request setting them is rejected).</summary>
    public static IReadOnlySet<string> ReservedHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "x-sg-id", "x-sg-eid", "received", "dkim-signature", "Content-Type", "Content-Transfer-Encoding",
        "To", "From", "Subject", "Reply-To", "CC", "BCC",
    };
}
