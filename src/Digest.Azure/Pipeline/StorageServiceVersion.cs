namespace Digest.Azure.Pipeline;

/// <summary>The x-ms-version sent on every request.</summary>
internal static class StorageServiceVersion
{
    /// <summary>
    /// 2025-01-05: supported by Azure and by Azurite 3.37 (which accepts up to 2026-06-06), so the emulator works
    /// without --skipApiVersionCheck. Bearer (Entra ID) authorization needs 2017-11-09 or later.
    /// </summary>
    public const string Default = "2025-01-05";
}
