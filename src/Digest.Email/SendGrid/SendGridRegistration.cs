using Digest.Core.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Reliability;

namespace Digest.Email.SendGrid;

/// <summary>The SendGrid sender's services: a named HttpClient with the resilience handler, and the official client on it.</summary>
internal static class SendGridRegistration
{
    /// <summary>The named HttpClient the official <see cref="SendGridClient"/> is built on.</summary>
    public const string HttpClientName = "Digest.SendGrid";

    public static void Add(IServiceCollection services)
    {
        // The sender is a singleton (the send job is), so its HttpClient lives long: a pooled connection lifetime
        // keeps DNS changes visible instead of relying on handler rotation. The attempt timeout is the resilience
        // handler's, so HttpClient.Timeout stays out of the way.
        services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(_ => true)
            .AddResilienceHandler(SendGridResilience.PipelineName, (builder, context) => SendGridResilience.Configure(
                builder,
                context.ServiceProvider.GetRequiredService<IOptions<SendGridOptions>>().Value,
                context.ServiceProvider.GetRequiredService<TimeProvider>(),
                context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SendGridEmailSender).FullName!)));
        services.AddSingleton<IEmailSender>(sp => new SendGridEmailSender(
            CreateClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), sp.GetRequiredService<IOptions<SendGridOptions>>().Value),
            sp.GetRequiredService<IOptions<SendGridOptions>>(),
            sp.GetService<ILogger<SendGridEmailSender>>()));
    }

    /// <summary>
    /// The official client on an HttpClient from IHttpClientFactory. With an HttpClient given, the SDK adds no retry
    /// handler of its own; ReliabilitySettings() (no retries) says so explicitly, so the resilience handler is the
    /// only retry layer. HTTP errors come back as responses (HttpErrorAsException off): the sender reads every error
    /// SendGrid lists, where the SDK's exceptions keep only the first.
    /// </summary>
    public static SendGridClient CreateClient(HttpClient http, SendGridOptions options) => new(http, new SendGridClientOptions
    {
        ApiKey = options.ApiKey,
        Host = options.BaseAddress.ToString(),
        ReliabilitySettings = new ReliabilitySettings(),
        HttpErrorAsException = false,
    });
}
