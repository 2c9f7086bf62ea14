using System.Net;
using System.Text;
using Digest.Email.SendGrid;
using Digest.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Email.Tests.SendGrid;

/// <summary>The client's pipeline with a scripted handler and a fake clock.</summary>
public sealed class SendGridClientTests
{
    [Fact]
    public async Task SendAsync_429WithRateLimitReset_WaitsUntilResetThenSucceeds()
    {
        // The clock stands 80 ms before a whole second; the reset names that second: the wait is 80 ms.
        var reset = new DateTimeOffset(2025, 9, 2, 6, 0, 1, TimeSpan.Zero);
        var clock = new FakeTimeProvider(reset.AddMilliseconds(-80));
        var handler = new ScriptedHandler(
            () => RateLimited(reset.ToUnixTimeSeconds()),
            () => Accepted("msg-1"));
        var logger = new RecordingLogger();
        var client = new SendGridClient(new HttpClient(handler), Options.Create(new SendGridOptions { ApiKey = "SG.k", RetryBaseDelay = TimeSpan.FromSeconds(30) }), clock, logger);

        var response = await client.SendAsync("{}"u8.ToArray());

        Assert.Equal(("msg-1", 2), (response.MessageId, response.Attempts));
        Assert.Contains(logger.Messages, m => m.Contains("429") && m.Contains("00:00:00.08"));
    }

    [Fact]
    public async Task SendAsync_Request_SendsBearerKeyJsonToMailSend()
    {
        var handler = new ScriptedHandler(() => Accepted("m"));
        var client = new SendGridClient(new HttpClient(handler), Options.Create(new SendGridOptions { ApiKey = "SG.k", BaseAddress = new Uri("https://api.eu.sendgrid.com") }), TimeProvider.System);

        await client.SendAsync("{}"u8.ToArray());

        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://api.eu.sendgrid.com/v3/mail/send", request.Uri.ToString());
        Assert.Equal("Bearer SG.k", request.Authorization);
        Assert.Equal("application/json", request.ContentType);
    }

    [Fact]
    public async Task SendAsync_ErrorBodyNotJson_KeepsShortExcerpt()
    {
        var handler = new ScriptedHandler(() => new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("<html>proxy says no</html>", Encoding.UTF8, "text/html") });
        var client = new SendGridClient(new HttpClient(handler), Options.Create(new SendGridOptions { ApiKey = "SG.k" }), TimeProvider.System);

        var error = await Assert.ThrowsAsync<SendGridException>(() => client.SendAsync("{}"u8.ToArray()));

        Assert.Contains("proxy says no", error.Message);
    }

    private static HttpResponseMessage RateLimited(long resetEpoch)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("""{"errors":[{"message":"too many requests"}]}""") };
        response.Headers.Add("X-RateLimit-Reset", resetEpoch.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    private static HttpResponseMessage Accepted(string id)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Accepted);
        response.Headers.Add("X-Message-Id", id);
        return response;
    }

    private sealed class ScriptedHandler(params Func<HttpResponseMessage>[] script) : HttpMessageHandler
    {
        private int _next;

        public List<(Uri Uri, string? Authorization, string? ContentType)> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!, request.Headers.Authorization?.ToString(), request.Content?.Headers.ContentType?.MediaType));
            return Task.FromResult(script[Math.Min(_next++, script.Length - 1)]());
        }
    }

    private sealed class RecordingLogger : ILogger<SendGridClient>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
