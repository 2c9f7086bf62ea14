using Digest.Email.SendGrid;
using Microsoft.Extensions.Options;

namespace Digest.Email.Tests.SendGrid;

/// <summary>A client and sender pointed at a fake server, with tiny delays so retries do not sleep for real.</summary>
internal static class SendGridTestSetup
{
    public static SendGridOptions Options(FakeSendGridServer server, Action<SendGridOptions>? configure = null)
    {
        var options = new SendGridOptions
        {
            ApiKey = FakeSendGridServer.ApiKey,
            BaseAddress = server.BaseAddress,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
            // Generous: a normal answer that arrives after the client gave up would be accepted twice (see the report).
            AttemptTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return options;
    }

    public static SendGridEmailSender Sender(SendGridOptions options, HttpClient? http = null)
    {
        var client = new SendGridClient(http ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System);
        return new SendGridEmailSender(client, Microsoft.Extensions.Options.Options.Create(options));
    }
}
