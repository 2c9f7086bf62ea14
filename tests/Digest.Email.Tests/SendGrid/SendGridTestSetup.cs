using Digest.Core.Delivery;
using Digest.Email.SendGrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digest.Email.Tests.SendGrid;

/// <summary>
/// The SendGrid sender as production registers it (AddDigestEmail with Email:Provider=SendGrid: the official client
/// on the named HttpClient with the resilience handler), pointed at a fake server, with tiny delays so retries do not
/// sleep for real.
/// </summary>
internal static class SendGridTestSetup
{
    public static IEmailSender Sender(FakeSendGridServer server, Action<SendGridOptions>? configure = null, Action<IServiceCollection>? services = null) =>
        Services(server.BaseAddress, configure, services).GetRequiredService<IEmailSender>();

    public static ServiceProvider Services(Uri baseAddress, Action<SendGridOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:Provider"] = "SendGrid",
            ["Email:SendGrid:ApiKey"] = FakeSendGridServer.ApiKey,
            ["Email:SendGrid:BaseAddress"] = baseAddress.ToString(),
            ["Email:SendGrid:RetryBaseDelay"] = "00:00:00.001",
            ["Email:SendGrid:MaxRetryDelay"] = "00:00:00.020",
            // Generous: a normal answer that arrives after the client gave up would be accepted twice (see the report).
            ["Email:SendGrid:AttemptTimeout"] = "00:00:10",
        }).Build();
        var collection = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        collection.AddDigestEmail(configuration);
        services?.Invoke(collection);
        if (configure is not null)
        {
            collection.PostConfigure(configure);
        }

        return collection.BuildServiceProvider();
    }
}
