namespace Digest.Azure.Queues.Models;

/// <summary>A received message (hidden until <see cref="NextVisibleOn"/>; delete it with its pop receipt).</summary>
/// <param name="MessageText">Decoded text (see <see cref="QueueClientOptions.MessageEncoding"/>).</param>
/// <param name="DequeueCount">Deliveries so far, this one included (1 on first receive).</param>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    string MessageText,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset ExpiresOn,
    DateTimeOffset NextVisibleOn)
{
    public BinaryData Body => BinaryData.FromString(MessageText);
}
