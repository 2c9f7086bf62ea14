namespace Digest.Core.Storage;

/// <summary>Validation of container and blob names, shared by both stores, so a name that works on disk works in Azure.</summary>
public static class BlobNames
{
    /// <summary>Azure container rules: 3-63 chars, lowercase letters, digits and single hyphens.</summary>
    public static bool IsValidContainer(string name) =>
        name.Length is >= 3 and <= 63
        && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && char.IsAsciiLetterOrDigit(name[0])
        && char.IsAsciiLetterOrDigit(name[^1])
        && !name.Contains("--", StringComparison.Ordinal);

    /// <summary>
    /// A blob name is 1-1024 characters, relative, forward-slash separated, with no empty, "." or ".." segment
    /// and no control characters (which would also break HTTP headers and file names).
    /// </summary>
    public static bool IsValid(string name) =>
        !string.IsNullOrEmpty(name)
        && name.Length <= 1024
        && !name.Any(char.IsControl)
        && !name.Contains('\\')
        && name.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..");

    public static void EnsureValid(string name)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException($"Invalid blob name '{name}'.", nameof(name));
        }
    }
}
