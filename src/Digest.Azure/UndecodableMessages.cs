using Azure.Storage.Queues;
using Azure.Storage.Queues.Specialized;

namespace Digest.Azure;

/// <summary>
/// What happens to a received message that is not base64 (another writer used no encoding). Without a handler the
/// SDK fails the whole receive with a FormatException, so one such message would block the queue for every
/// consumer. This handler moves it, as received, to "&lt;queue&gt;-poison" (the Functions host's poison queue name)
/// and deletes it from its queue; the receive then returns the other messages. Messages in a poison queue, and
/// peeked messages, are left alone (the SDK leaves them out of its answer).
/// </summary>
internal static class UndecodableMessages
{
    public const string PoisonSuffix = "-poison";

    public static async Task MoveToPoisonQueueAsync(QueueMessageDecodingFailedEventArgs args)
    {
        if (args.ReceivedMessage is not { } message || args.Queue.Name.EndsWith(PoisonSuffix, StringComparison.Ordinal))
        {
            return;
        }

        var poison = args.Queue.GetParentQueueServiceClient().GetQueueClient(args.Queue.Name + PoisonSuffix);
        if (args.IsRunningSynchronously)
        {
            poison.CreateIfNotExists(cancellationToken: args.CancellationToken);
            poison.SendMessage(message.Body.ToString(), cancellationToken: args.CancellationToken);
            args.Queue.DeleteMessage(message.MessageId, message.PopReceipt, args.CancellationToken);
            return;
        }

        await poison.CreateIfNotExistsAsync(cancellationToken: args.CancellationToken).ConfigureAwait(false);
        await poison.SendMessageAsync(message.Body.ToString(), cancellationToken: args.CancellationToken).ConfigureAwait(false);
        await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken).ConfigureAwait(false);
    }
}
