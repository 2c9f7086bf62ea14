using System.Globalization;
using System.Net;

namespace Digest.Email.SendGrid;

/// <summary>
/// How long to wait before retrying a rate-limited answer: until X-RateLimit-Reset (Unix epoch seconds, SendGrid's
/// rate-limit header), else Retry-After (RFC 9110 10.2.3: seconds or an HTTP date), capped. Null: use the backoff.
/// </summary>
internal static class SendGridRetryDelay
{
    public static TimeSpan? From(HttpResponseMessage? response, DateTimeOffset now, TimeSpan cap)
    {
        if (response is null || (response.StatusCode != HttpStatusCode.TooManyRequests && response.StatusCode != HttpStatusCode.ServiceUnavailable))
        {
            return null;
        }

        TimeSpan? wait = null;
        if (response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            wait = DateTimeOffset.FromUnixTimeSeconds(epoch) - now;
        }
        else if (response.Headers.RetryAfter is { } retryAfter)
        {
            wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - now : null);
        }

        if (wait is not { } w || w <= TimeSpan.Zero)
        {
            return null;
        }

        return w > cap ? cap : w;
    }
}
