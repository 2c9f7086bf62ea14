using Digest.Core;
using Digest.Core.Delivery;
using Digest.Core.Storage;
using Digest.Email.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Digest.Cli.Hosting;

/// <summary>The CLI's service registrations: the core jobs over a chosen store, queue, sender and clock.</summary>
internal static class CliServices
{
    public static ServiceProvider Build(IConfiguration configuration, IBlobStore store, TimeProvider time, string outboxPath, LogLevel logLevel = LogLevel.Warning)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging
                .SetMinimumLevel(logLevel)
                .AddSimpleConsole(o => o.SingleLine = true)
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddSingleton(time)
            .AddSingleton(store)
            .AddKeyedSingleton<IMessageQueue>(Containers.SendBatchesQueue, (sp, _) => new InMemoryMessageQueue(Containers.SendBatchesQueue, sp.GetRequiredService<TimeProvider>()))
            .AddKeyedSingleton<IMessageQueue>(Containers.SendBatchesPoisonQueue, (sp, _) => new InMemoryMessageQueue(Containers.SendBatchesPoisonQueue, sp.GetRequiredService<TimeProvider>()));
        services.Configure<OutboxOptions>(o => o.Path = outboxPath);
        services.TryAddSingleton<IEmailSender, OutboxEmailSender>();
        services.AddDigestCore(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
