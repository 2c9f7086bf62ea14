using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Digest.Core.Delivery;
using Digest.Email.SendGrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Email.Tests.SendGrid;

/// <summary>
/// The registered SendGrid HttpClient (official client, resilience handler) with a scripted primary handler in place
/// of the network, and a fake clock where time matters.
/// </summary>
public sealed class SendGridResilienceTests
{
    [Fact]
    public async Task SendAsync_429WithRateLimitReset_WaitsOnTheClockUntilResetThenSucceeds()
    {
        // The clock stands 80 ms before a whole second; the reset names that second: the wait is 80 ms, not the
        // 30-second backoff.
        var reset = new DateTimeOffset(2025, 9, 2, 6, 0, 1, TimeSpan.Zero);
        var clock = new FakeTimeProvider(reset.AddMilliseconds(-80));
        var handler = new ScriptedHandler(() => RateLimited(reset.ToUnixTimeSeconds()), () => Accepted("msg-1"));
        var logs = new ConcurrentQueue<string>();
        var sender = Sender(handler, o => (o.RetryBaseDelay, o.MaxRetryDelay) = (TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)), clock, logs);

        var send = sender.SendAsync(TestBatches.Batch(1));
        await WaitUntilAsync(() => logs.Any(l => l.Contains("429", StringComparison.Ordinal)));
        await Task.Delay(200);

        Assert.Single(handler.Requests);
        Assert.Contains(logs, l => l.Contains("429", StringComparison.Ordinal) && l.Contains("00:00:00.08", StringComparison.Ordinal));
        while (!send.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMilliseconds(80));
            await Task.Delay(20);
        }

        var outcome = Assert.Single(await send);
        Assert.Equal((true, "msg-1"), (outcome.Accepted, outcome.MessageId));
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_Request_PostsBearerKeyJsonToMailSendOnTheConfiguredHost()
    {
        var handler = new ScriptedHandler(() => Accepted("m"));
        var sender = Sender(handler, o => o.BaseAddress = new Uri("https://api.eu.sendgrid.com"));

        await sender.SendAsync(TestBatches.Batch(1));

        var request = Assert.Single(handler.Requests);
        Assert.Equal("POST https://api.eu.sendgrid.com/v3/mail/send", $"{request.Method} {request.Uri}");
        Assert.Equal("Bearer " + FakeSendGridServer.ApiKey, request.Authorization);
        Assert.Equal("application/json", request.ContentType);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 4)]
    public async Task SendAsync_ServerErrors_OneRetryLayerBoundedByMaxRetries(int maxRetries, int expectedRequests)
    {
        var handler = new ScriptedHandler(() => new HttpResponseMessage(HttpStatusCode.BadGateway));
        var sender = Sender(handler, o => o.MaxRetries = maxRetries);

        var error = await Assert.ThrowsAsync<SendGridException>(() => sender.SendAsync(TestBatches.Batch(1)));

        Assert.True(error.IsTransient);
        Assert.Equal(expectedRequests, handler.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_ErrorBodyNotJson_RecipientsFailWithShortExcerpt()
    {
        var handler = new ScriptedHandler(() => new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("<html>proxy says no</html>", Encoding.UTF8, "text/html") });
        var sender = Sender(handler);

        var outcome = Assert.Single(await sender.SendAsync(TestBatches.Batch(1)));

        Assert.False(outcome.Accepted);
        Assert.Contains("proxy says no", outcome.Error);
    }

    [Theory]
    [InlineData("""{"errors":[{"message":"a","field":"from","help":null},{"message":"b","field":"personalizations.2.to"}]}""", "a|from;b|personalizations.2.to")]
    [InlineData("""{"errors":[]}""", "{\"errors\":[]}|")]
    [InlineData("not json", "not json|")]
    [InlineData("", "")]
    public void Parse_ErrorBodies_KeepsEveryErrorOrAnExcerpt(string body, string expected)
    {
        var errors = SendGridError.Parse(body);

        Assert.Equal(expected, string.Join(';', errors.Select(e => $"{e.Message}|{e.Field}")));
    }

    private static IEmailSender Sender(ScriptedHandler handler, Action<SendGridOptions>? configure = null, TimeProvider? clock = null, ConcurrentQueue<string>? logs = null) =>
        SendGridTestSetup.Services(new Uri("https://api.sendgrid.com"), configure, services =>
        {
            services.AddHttpClient(SendGridRegistration.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }

            if (logs is not null)
            {
                services.AddLogging(l => l.AddProvider(new ListLoggerProvider(logs)));
            }
        }).GetRequiredService<IEmailSender>();

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition(), "timed out waiting");
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

        public ConcurrentQueue<(HttpMethod Method, Uri Uri, string? Authorization, string? ContentType)> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Enqueue((request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), request.Content?.Headers.ContentType?.MediaType));
            return Task.FromResult(script[Math.Min(Interlocked.Increment(ref _next) - 1, script.Length - 1)]());
        }
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(logs);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ConcurrentQueue<string> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Enqueue(formatter(state, exception));
        }
    }
}
