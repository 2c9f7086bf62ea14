using Digest.Core.Delivery;

namespace Digest.Functions.Hosting;

/// <summary>What the worker accepts as Digest:UnsubscribeSigningKey (checked at start-up).</summary>
internal static class SigningKeyRules
{
    public const string Required =
        "Digest:UnsubscribeSigningKey must be set (at least 32 bytes, base64 or text): the Unsubscribe function verifies links with it.";

    public const string UnresolvedKeyVaultReference =
        "Digest:UnsubscribeSigningKey is an unresolved Key Vault reference (the literal @Microsoft.KeyVault(...) text): the platform could not " +
        "read the secret, so it passed the reference through. Check that the app's identity has 'Key Vault Secrets User' on the vault, that " +
        "keyVaultReferenceIdentity names that identity, and that the secret exists; the reference text itself is never used as a key.";

    /// <summary>
    /// App Service passes a Key Vault reference through verbatim when it cannot resolve it; that text is long enough to
    /// pass as a key, and a key anyone can read in the app settings would let anyone forge unsubscribe links.
    /// </summary>
    public static bool IsKeyVaultReference(string? value) =>
        value is not null && value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);

    public static bool IsUsable(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        try
        {
            _ = new UnsubscribeToken(key);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
