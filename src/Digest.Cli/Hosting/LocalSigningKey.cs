using System.Security.Cryptography;
using Digest.Core;
using Microsoft.Extensions.Configuration;

namespace Digest.Cli.Hosting;

/// <summary>
/// Local runs need an unsubscribe signing key even when none is configured: one is generated once per folder
/// (owner-only permissions) and reused. Production sets Digest__UnsubscribeSigningKey (Key Vault in Azure).
/// </summary>
internal static class LocalSigningKey
{
    private const string Setting = $"{DigestOptions.Section}:{nameof(DigestOptions.UnsubscribeSigningKey)}";

    /// <summary>The configuration as given when it has a key; otherwise with the folder's local key added.</summary>
    public static IConfiguration EnsureConfigured(IConfiguration configuration, string folder) =>
        !string.IsNullOrEmpty(configuration[Setting])
            ? configuration
            : new ConfigurationBuilder()
                .AddConfiguration(configuration)
                .AddInMemoryCollection(new Dictionary<string, string?> { [Setting] = LoadOrCreate(folder) })
                .Build();

    private static string LoadOrCreate(string folder)
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
