using Digest.Core;
using Digest.Core.Delivery;
using Digest.Core.Storage;
using Digest.Email;
using Digest.Email.Outbox;
using Digest.Embeddings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Digest.Cli.Hosting;

/// <summary>The CLI's service registrations: the core jobs over a chosen storage, sender and clock.</summary>
internal static class CliServices
{
    public static ServiceProvider Build(IConfiguration configuration, TimeProvider time, string outboxPath, Action<IServiceCollection> storage, LogLevel logLevel = LogLevel.Warning)
    {
        var services = new ServiceCollection()
            .AddLogging(logging =>
            {
                logging.SetMinimumLevel(logLevel);
                if (AnsiConsoleLoggerProvider.OnTerminal)
                {
                    // Through Spectre.Console, so log lines never tear a progress display.
                    logging.AddProvider(new AnsiConsoleLoggerProvider(Spectre.Console.AnsiConsole.Console));
                }
                else
                {
                    logging.AddSimpleConsole(o => o.SingleLine = true).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
                }
            })
            .AddSingleton(time);
        storage(services);
        // Email:Provider picks SMTP or SendGrid; the default is the file outbox.
        services.AddDigestEmail(configuration);
        services.Configure<OutboxOptions>(o => o.Path = outboxPath);
        services.TryAddSingleton<IEmailSender, OutboxEmailSender>();
        services.AddDigestCore(configuration);
        // The semantic view of story grouping: ParseArticle stores each article's vector, the daily build reuses it.
        services.AddDigestEmbeddings();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>The embedded default: a file-system store and in-process queues.</summary>
    public static Action<IServiceCollection> FileSystem(FileSystemBlobStore store) => services => services.AddDigestFileSystemStorage(store);

    /// <summary>Given store and queues (tests, or two hosts sharing one in-process queue).</summary>
    public static Action<IServiceCollection> Shared(IBlobStore store, IMessageQueue queue, IMessageQueue poison) => services => services
        .AddSingleton(store)
        .AddKeyedSingleton(Containers.SendBatchesQueue, queue)
        .AddKeyedSingleton(Containers.SendBatchesPoisonQueue, poison);
}
