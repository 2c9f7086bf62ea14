using System.Net;

namespace Digest.Email.SendGrid;

/// <summary>
/// SendGrid answered with an error status (after retries, for the transient ones). Callers catch it separately
/// because the status decides what to do: 400/413 reject this request for good (<see cref="IsRequestRejected"/>),
/// 401/403 and other 4xx are an account, key or configuration problem (park the work, fix the configuration),
/// 429/5xx are transient (<see cref="IsTransient"/>; retry later).
/// The message lists SendGrid's own error messages; it never contains the API key.
/// </summary>
public sealed class SendGridException : Exception
{
    public SendGridException(HttpStatusCode status, IReadOnlyList<SendGridError> errors)
        : base(Describe(status, errors))
    {
        Status = status;
        Errors = errors;
    }

    /// <summary>The HTTP status SendGrid answered with.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>SendGrid's parsed error entries (may be empty when the body was not SendGrid's error JSON).</summary>
    public IReadOnlyList<SendGridError> Errors { get; }

    /// <summary>429 or 5xx: a later attempt may succeed.</summary>
    public bool IsTransient => Status == HttpStatusCode.TooManyRequests || (int)Status >= 500;

    /// <summary>401 or 403: the key or account is wrong; every request will fail until the configuration is fixed.</summary>
    public bool IsAuthorization => Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

    /// <summary>
    /// 400 or 413: SendGrid refuses this request's content; resending it unchanged fails again. Any other 4xx
    /// (404 from a wrong BaseAddress, say) is a configuration problem, like 401/403, not a verdict on the recipients.
    /// </summary>
    public bool IsRequestRejected => Status is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge;

    private static string Describe(HttpStatusCode status, IReadOnlyList<SendGridError> errors)
    {
        var what = status switch
        {
            HttpStatusCode.BadRequest => "SendGrid rejected the request as invalid",
            HttpStatusCode.Unauthorized => "SendGrid refused the API key (check Email:SendGrid:ApiKey)",
            HttpStatusCode.Forbidden => "SendGrid refused the request: the API key lacks the Mail Send permission or the sender is not verified",
            HttpStatusCode.RequestEntityTooLarge => "SendGrid rejected the request as too large (limit 30 MB)",
            HttpStatusCode.TooManyRequests => "SendGrid kept rate-limiting the request",
            _ when (int)status >= 500 => "SendGrid kept failing with a server error",
            _ => "SendGrid answered with an error",
        };
        var details = string.Join("; ", errors
            .Where(e => !string.IsNullOrWhiteSpace(e.Message))
            .Select(e => string.IsNullOrEmpty(e.Field) ? e.Message : $"{e.Message} (field: {e.Field})"));
        return details.Length == 0 ? $"{what} ({(int)status})." : $"{what} ({(int)status}): {details}";
    }
}
