using System.Globalization;
using Azure.Core;
using Digest.Azure.Pipeline;
using Digest.Azure.Queues.Models;

namespace Digest.Azure.Queues;

/// <summary>One queue (named like the official client). Errors throw <see cref="Azure.RequestFailedException"/>.</summary>
public class QueueClient
{
    private readonly StorageRestPipeline _pipeline = null!;
    private readonly QueueClientOptions _options = null!;

    internal QueueClient(Uri uri, string name, StorageRestPipeline pipeline, QueueClientOptions options)
    {
        Uri = uri;
        Name = name;
        _pipeline = pipeline;
        _options = options;
    }

    /// <summary>For mocking.</summary>
    protected QueueClient()
    {
        Uri = new Uri("https://mock.queue.core.windows.net/mock");
        Name = "mock";
    }

    public Uri Uri { get; }

    public string Name { get; }

    /// <summary>Creates the queue; false when it already exists.</summary>
    public virtual async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        // 201 created, 204 already there with the same (no) metadata, 409 already there with other metadata.
        using var message = _pipeline.CreateMessage(RequestMethod.Put, Uri, [201, 204, 409]);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 409 && StorageRestPipeline.ErrorCode(response) != "QueueAlreadyExists")
        {
            throw StorageRestPipeline.Failure(response);
        }

        return response.Status == 201;
    }

    /// <summary>Deletes the queue; false when it did not exist.</summary>
    public virtual async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, Uri, [204, 404]);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status == 204;
    }

    /// <summary>Put Message. The text is encoded per <see cref="QueueClientOptions.MessageEncoding"/> (64 KiB max once encoded).</summary>
    /// <param name="visibilityTimeout">Initial invisibility (a delayed message), 0 to 7 days.</param>
    /// <param name="timeToLive">How long the message lives; default 7 days.</param>
    public virtual async Task<SendReceipt> SendMessageAsync(string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var body = QueueMessageCodec.Body(QueueMessageCodec.Encode(messageText, _options.MessageEncoding));
        using var message = MessagesRequest(RequestMethod.Post, [201]);
        if (visibilityTimeout is { } visibility)
        {
            message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibility, 0, nameof(visibilityTimeout)));
        }

        if (timeToLive is { } ttl)
        {
            message.Request.Uri.AppendQuery("messagettl", ttl == TimeSpan.MaxValue ? "-1" : Seconds(ttl, 1, nameof(timeToLive)));
        }

        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, "application/xml; charset=utf-8");
        message.Request.Content = RequestContent.Create(body);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return QueueMessageListParser.Receipt(QueueMessageListParser.Messages(response.ContentStream!).Single());
    }

    /// <summary>Get Messages: up to <paramref name="maxMessages"/> (1-32, default 1), hidden for <paramref name="visibilityTimeout"/> (default 30 s).</summary>
    public virtual async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(int? maxMessages = null, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        using var message = MessagesRequest(RequestMethod.Get, [200]);
        if (maxMessages is { } count)
        {
            message.Request.Uri.AppendQuery("numofmessages", Count(count, nameof(maxMessages)));
        }

        if (visibilityTimeout is { } visibility)
        {
            message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibility, 1, nameof(visibilityTimeout)));
        }

        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return QueueMessageListParser.Messages(response.ContentStream!).Select(m => QueueMessageListParser.Received(m, _options.MessageEncoding)).ToList();
    }

    /// <summary>Peek Messages: look without receiving (1-32, default 1).</summary>
    public virtual async Task<IReadOnlyList<PeekedMessage>> PeekMessagesAsync(int? maxMessages = null, CancellationToken cancellationToken = default)
    {
        using var message = MessagesRequest(RequestMethod.Get, [200]);
        message.Request.Uri.AppendQuery("peekonly", "true");
        if (maxMessages is { } count)
        {
            message.Request.Uri.AppendQuery("numofmessages", Count(count, nameof(maxMessages)));
        }

        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return QueueMessageListParser.Messages(response.ContentStream!).Select(m => QueueMessageListParser.Peeked(m, _options.MessageEncoding)).ToList();
    }

    /// <summary>Delete Message; throws 404 MessageNotFound when it is gone, 400 PopReceiptMismatch when it was received again since.</summary>
    public virtual async Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, new Uri(Uri.AbsoluteUri + "/messages/" + Uri.EscapeDataString(messageId)), [204]);
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Get Queue Metadata: the approximate message count.</summary>
    public virtual async Task<QueueProperties> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, Uri, [200]);
        message.Request.Uri.AppendQuery("comp", "metadata");
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        response.Headers.TryGetValue("x-ms-approximate-messages-count", out var countText);
        var metadata = response.Headers
            .Where(h => h.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Name["x-ms-meta-".Length..], h => h.Value, StringComparer.OrdinalIgnoreCase);
        return new QueueProperties(int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0, metadata);
    }

    private HttpMessage MessagesRequest(RequestMethod method, ReadOnlySpan<ushort> success) =>
        _pipeline.CreateMessage(method, new Uri(Uri.AbsoluteUri + "/messages"), success);

    private static string Count(int count, string name) =>
        count is >= 1 and <= 32 ? count.ToString(CultureInfo.InvariantCulture) : throw new ArgumentOutOfRangeException(name, "1 to 32 messages.");

    private static string Seconds(TimeSpan span, int min, string name)
    {
        var seconds = (long)Math.Ceiling(span.TotalSeconds);
        return seconds >= min && seconds <= 7 * 24 * 3600
            ? seconds.ToString(CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(name, $"{min} second(s) to 7 days.");
    }
}
