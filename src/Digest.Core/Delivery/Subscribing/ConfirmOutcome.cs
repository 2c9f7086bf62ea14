namespace Digest.Core.Delivery.Subscribing;

/// <summary>What a confirmation link came to.</summary>
public enum ConfirmOutcome
{
    /// <summary>The link is valid (GET), or the subscriber is now active (POST).</summary>
    Confirmed,

    /// <summary>Forged, altered, malformed, already used or replaced by a newer link: nothing changed.</summary>
    Invalid,

    /// <summary>Signed but past its lifetime: nothing changed; subscribing again sends a new link.</summary>
    Expired,
}
