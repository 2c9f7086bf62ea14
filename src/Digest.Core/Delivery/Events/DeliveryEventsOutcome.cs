namespace Digest.Core.Delivery.Events;

/// <param name="Recorded">Events recorded (and acted on) for the first time.</param>
/// <param name="Duplicates">Events already recorded: ignored.</param>
/// <param name="Ignored">Events Digest does not act on.</param>
/// <param name="Suppressed">Subscribers whose status changed (bounced, complained or unsubscribed).</param>
public sealed record DeliveryEventsOutcome(int Recorded, int Duplicates, int Ignored, int Suppressed);
