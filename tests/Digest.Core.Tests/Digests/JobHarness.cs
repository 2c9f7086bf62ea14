using Digest.Core.Articles;
using Digest.Core.Delivery;
using Digest.Core.Digests;
using Digest.Core.Json;
using Digest.Core.Storage;
using Digest.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.Core.Tests.Digests;

/// <summary>The build and send jobs over a file-system store in a temp folder, with a fake clock and a queue.</summary>
internal sealed class JobHarness : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ServiceProvider _provider;

    public JobHarness(IEmailSender sender, int batchSize = 1000)
    {
        Store = new FileSystemBlobStore(_dir.Path);
        Queue = new InMemoryMessageQueue(Containers.SendBatchesQueue, Time);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Digest:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Digest:UnsubscribeSigningKey"] = new string('k', 40),
            ["Digest:PublicBaseUrl"] = "https://digest.example.com",
        }).Build();

        // The real registrations (AddDigestCore), so constructor changes in the core cannot drift from the tests.
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton<IBlobStore>(Store)
            .AddKeyedSingleton<IMessageQueue>(Containers.SendBatchesQueue, Queue)
            .AddSingleton(sender)
            .AddDigestCore(configuration);
        _provider = services.BuildServiceProvider();
        Options = _provider.GetRequiredService<IOptions<DigestOptions>>();
        Subscribers = _provider.GetRequiredService<SubscriberDirectory>();
        Build = _provider.GetRequiredService<BuildDigestJob>();
        Send = _provider.GetRequiredService<SendDigestJob>();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero));

    public FileSystemBlobStore Store { get; }

    public IOptions<DigestOptions> Options { get; }

    public InMemoryMessageQueue Queue { get; }

    public SubscriberDirectory Subscribers { get; }

    public BuildDigestJob Build { get; }

    public SendDigestJob Send { get; }

    public async Task AddSubscribersAsync(int count, SubscriberStatus status = SubscriberStatus.Active)
    {
        for (var i = 0; i < count; i++)
        {
            await Subscribers.PutAsync(new Subscriber($"reader{i}@example.com", $"Reader {i}", status, Time.GetUtcNow(), Time.GetUtcNow(), []));
        }
    }

    public async Task AddArticleAsync(DateOnly day, string id, string title, string body)
    {
        var article = new Article(id, title, "Outlet " + id, null, null, null, [new ArticleSection(null, [body])], [], "en", id, id + ".txt", ArticleFormat.PlainText);
        await Store.WriteAsync(Containers.Parsed, Containers.ParsedArticle(day, id), article, DigestJsonContext.Stored.Article);
    }

    /// <summary>Receives every queued batch once (without deleting): what the queue would deliver.</summary>
    public async Task<IReadOnlyList<SendBatchMessage>> DrainAsync()
    {
        var messages = await Queue.ReceiveAsync(1000, TimeSpan.FromMinutes(5));
        foreach (var message in messages)
        {
            await Queue.DeleteAsync(message);
        }

        return messages.Select(m => System.Text.Json.JsonSerializer.Deserialize(m.Body, DigestJsonContext.Stored.SendBatchMessage)!).ToArray();
    }

    public void Dispose()
    {
        _provider.Dispose();
        _dir.Dispose();
    }
}
