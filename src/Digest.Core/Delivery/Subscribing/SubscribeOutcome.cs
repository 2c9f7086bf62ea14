namespace Digest.Core.Delivery.Subscribing;

/// <summary>What a subscribe request came to. Hosts answer <see cref="Accepted"/> the same whatever happened behind it.</summary>
public enum SubscribeOutcome
{
    /// <summary>
    /// The request was taken: a confirmation was sent, or one was sent within the interval, or the address is already
    /// active. Deliberately one value: the answer must not tell whether an address is known.
    /// </summary>
    Accepted,

    /// <summary>The address (or name) is not usable; nothing was stored.</summary>
    Invalid,

    /// <summary>This client made too many requests this hour; nothing was stored or sent.</summary>
    ClientLimited,
}
