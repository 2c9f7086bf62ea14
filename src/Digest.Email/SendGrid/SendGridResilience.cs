using System.Globalization;
using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Digest.Email.SendGrid;

/// <summary>
/// The one retry layer of the SendGrid HttpClient (Microsoft.Extensions.Http.Resilience; the SDK's own
/// ReliabilitySettings stay off): an outer retry on 408, 429, 5xx, network errors and attempt timeouts, exponential
/// with jitter, waiting until X-RateLimit-Reset (or Retry-After) when SendGrid says so, at most
/// <see cref="SendGridOptions.MaxRetries"/> retries; and an inner timeout per attempt
/// (<see cref="SendGridOptions.AttemptTimeout"/>). The caller's own cancellation is never retried.
/// </summary>
internal static class SendGridResilience
{
    public const string PipelineName = "sendgrid";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, SendGridOptions options, TimeProvider time, ILogger logger)
    {
        builder.TimeProvider = time;
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
                // Replaces the handler's Retry-After generator: SendGrid's 429 names its reset in X-RateLimit-Reset.
                DelayGenerator = args => ValueTask.FromResult(SendGridRetryDelay.From(args.Outcome.Result, time.GetUtcNow(), options.MaxRetryDelay)),
                OnRetry = args =>
                {
                    var reason = args.Outcome.Exception?.GetType().Name ?? ((int)args.Outcome.Result!.StatusCode).ToString(CultureInfo.InvariantCulture);
                    SendGridLog.Retrying(logger, args.AttemptNumber + 1, reason, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
    }

    /// <summary>What a later attempt may fix: rate limits, server errors, lost connections, attempt timeouts.</summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken callerToken) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        // A timeout inside the handler chain surfaces as OperationCanceledException; only the caller's own
        // cancellation stops retrying.
        { Exception: OperationCanceledException } => !callerToken.IsCancellationRequested,
        { Result: { } response } => response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500,
        _ => false,
    };
}
