using System.Security.Cryptography;

namespace Digest.Cli.Hosting;

/// <summary>
/// Local runs need an unsubscribe signing key even when none is configured: one is generated once per output
/// folder (owner-only permissions) and reused. Production sets Digest__UnsubscribeSigningKey (Key Vault in Azure).
/// </summary>
internal static class LocalSigningKey
{
    public static string LoadOrCreate(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, ".unsubscribe-signing-key");
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(path, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
