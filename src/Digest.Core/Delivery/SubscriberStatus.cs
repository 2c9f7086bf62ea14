namespace Digest.Core.Delivery;

public enum SubscriberStatus
{
    Active,
    Unsubscribed,
    Bounced,
}
