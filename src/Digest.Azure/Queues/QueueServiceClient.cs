using Digest.Azure.Pipeline;

namespace Digest.Azure.Queues;

/// <summary>Entry point to a storage account's Queue service (named like the official client).</summary>
public class QueueServiceClient
{
    private readonly StorageRestPipeline _pipeline = null!;
    private readonly QueueClientOptions _options = null!;

    public QueueServiceClient(string connectionString, QueueClientOptions? options = null)
        : this(StorageConnection.Parse(connectionString), options)
    {
    }

    public QueueServiceClient(StorageConnection connection, QueueClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Uri = connection.QueueServiceUri
            ?? throw new InvalidOperationException("The storage settings name no queue endpoint: add QueueEndpoint (or AccountName) to the connection string, or set __queueServiceUri.");
        _options = options ?? new QueueClientOptions();
        _pipeline = new StorageRestPipeline(_options, connection, _options.TimeProvider);
    }

    /// <summary>For mocking.</summary>
    protected QueueServiceClient() => Uri = new Uri("https://mock.queue.core.windows.net/");

    public Uri Uri { get; }

    /// <summary>A client for one queue: 3-63 lower-case letters, digits and single hyphens.</summary>
    public virtual QueueClient GetQueueClient(string queueName)
    {
        if (!Core.Storage.BlobNames.IsValidContainer(queueName))
        {
            throw new ArgumentException($"Invalid queue name '{queueName}': use 3-63 lower-case letters, digits and single hyphens.", nameof(queueName));
        }

        return new QueueClient(new Uri(Uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + queueName), queueName, _pipeline, _options);
    }
}
