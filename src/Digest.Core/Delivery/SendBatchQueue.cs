using System.Text.Json;
using Digest.Core.Json;
using Digest.Core.Storage;

namespace Digest.Core.Delivery;

/// <summary>How a planned batch goes on the send-batches queue (one serialisation, for the build and for `digest send`).</summary>
public static class SendBatchQueue
{
    public static Task EnqueueAsync(this IMessageQueue queue, SendBatchMessage batch, CancellationToken cancellationToken = default) =>
        queue.SendAsync(JsonSerializer.Serialize(batch, DigestJsonContext.Stored.SendBatchMessage), cancellationToken);
}
