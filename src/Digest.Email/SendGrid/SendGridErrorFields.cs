using System.Globalization;
using System.Text.RegularExpressions;

namespace Digest.Email.SendGrid;

/// <summary>Reads which personalizations a 400 blames, from error fields like "personalizations.3.to" or "personalizations[3].to".</summary>
internal static partial class SendGridErrorFields
{
    /// <summary>
    /// The blamed personalization positions, or null when the errors are not all about individual personalizations
    /// (then the whole request is rejected) or blame all of them (nothing left to resend).
    /// </summary>
    public static HashSet<int>? BlamedPersonalizations(IReadOnlyList<SendGridError> errors, int count)
    {
        var blamed = new HashSet<int>();
        foreach (var error in errors)
        {
            var match = error.Field is null ? null : PersonalizationField().Match(error.Field);
            if (match is not { Success: true } || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= count)
            {
                return null;
            }

            blamed.Add(index);
        }

        return blamed.Count > 0 && blamed.Count < count ? blamed : null;
    }

    [GeneratedRegex(@"^personalizations(?:\.|\[)(\d{1,4})(?:\]|\.|$)", RegexOptions.CultureInvariant)]
    private static partial Regex PersonalizationField();
}
