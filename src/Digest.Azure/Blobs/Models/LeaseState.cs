namespace Digest.Azure.Blobs.Models;

/// <summary>x-ms-lease-state.</summary>
public enum LeaseState
{
    Available,
    Leased,
    Expired,
    Breaking,
    Broken,
}
