namespace Digest.Azure;

/// <summary>
/// Azure's metadata rules, checked before a request is sent so a bad name is an <see cref="ArgumentException"/>
/// naming it rather than a 400 from the service: names are C# identifiers (sent as x-ms-meta-* headers, compared
/// case-insensitively), values printable ASCII (header values).
/// </summary>
internal static class BlobMetadataRules
{
    public static void EnsureValid(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        foreach (var (name, value) in metadata)
        {
            if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new ArgumentException($"Metadata name '{name}' must be a C# identifier (ASCII letters, digits, '_').", nameof(metadata));
            }

            if (value.Any(c => c is < ' ' or > '~'))
            {
                throw new ArgumentException($"Metadata value of '{name}' must be printable ASCII.", nameof(metadata));
            }
        }
    }
}
