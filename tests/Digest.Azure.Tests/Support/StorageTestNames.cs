namespace Digest.Azure.Tests.Support;

/// <summary>Unique container and queue names, so tests share one Azurite without seeing each other.</summary>
internal static class StorageTestNames
{
    public static string Unique(string prefix = "t") => prefix + Guid.NewGuid().ToString("N")[..20];

    public static StorageSettings Azurite() => StorageSettings.FromConnectionString(Digest.Testing.TestServices.RequireStorage());
}
