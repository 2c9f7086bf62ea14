namespace Digest.Core.Storage;

/// <summary>A received queue message.</summary>
/// <param name="Id">Message id.</param>
/// <param name="PopReceipt">Receipt needed to delete it.</param>
/// <param name="Body">Decoded message text.</param>
/// <param name="DequeueCount">How many times it has been received (1 on first delivery).</param>
public sealed record QueueMessage(string Id, string PopReceipt, string Body, long DequeueCount);
