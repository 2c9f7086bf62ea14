using System.Net;
using System.Net.Http.Headers;
using Digest.Email.SendGrid;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Email.Tests.SendGrid;

public sealed class SendGridRetryDelayTests
{
    private static readonly DateTimeOffset Now = new(2025, 9, 2, 6, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(429, 7, null, 7.0)]
    [InlineData(429, 600, null, 60.0)]
    [InlineData(429, -5, null, null)]
    [InlineData(429, null, 3, 3.0)]
    [InlineData(429, null, null, null)]
    [InlineData(503, null, 2, 2.0)]
    [InlineData(500, 7, 3, null)]
    public void From_RateLimitHeaders_WaitsUntilResetCapped(int status, int? resetInSeconds, int? retryAfterSeconds, double? expectedSeconds)
    {
        var clock = new FakeTimeProvider(Now);
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        if (resetInSeconds is { } reset)
        {
            response.Headers.Add("X-RateLimit-Reset", (Now.ToUnixTimeSeconds() + reset).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (retryAfterSeconds is { } after)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(after));
        }

        var delay = SendGridRetryDelay.From(response, clock.GetUtcNow(), TimeSpan.FromSeconds(60));

        Assert.Equal(expectedSeconds, delay?.TotalSeconds);
    }

    [Fact]
    public void From_RetryAfterDate_WaitsUntilThatDate()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(12));

        Assert.Equal(TimeSpan.FromSeconds(12), SendGridRetryDelay.From(response, Now, TimeSpan.FromMinutes(1)));
    }
}
