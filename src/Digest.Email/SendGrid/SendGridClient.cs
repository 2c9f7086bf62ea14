using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Digest.Email.SendGrid.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Digest.Email.SendGrid;

/// <summary>
/// Typed HttpClient for SendGrid v3 <c>POST /v3/mail/send</c>. Each attempt has its own timeout; 429 (waiting until
/// X-RateLimit-Reset or Retry-After), 5xx, network errors and attempt timeouts are retried with exponential backoff
/// and jitter, up to <see cref="SendGridOptions.MaxRetries"/>. Anything but 200/202 in the end is a
/// <see cref="SendGridException"/>; network failures that outlast the retries propagate as they are.
/// </summary>
public class SendGridClient
{
    private readonly HttpClient _http;
    private readonly SendGridOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly Uri _endpoint;

    public SendGridClient(HttpClient http, IOptions<SendGridOptions> options, TimeProvider time, ILogger<SendGridClient>? logger = null)
    {
        _http = http;
        _options = options.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        if (string.IsNullOrWhiteSpace(_options.ApiKey))
        {
            throw new InvalidOperationException("Email:SendGrid:ApiKey is required.");
        }

        var root = _options.BaseAddress.ToString();
        _endpoint = new Uri(new Uri(root.EndsWith('/') ? root : root + "/"), "v3/mail/send");
        _pipeline = BuildPipeline(_options, time, _logger);
    }

    /// <summary>For mocking.</summary>
    protected SendGridClient()
    {
        _http = null!;
        _options = new SendGridOptions();
        _logger = NullLogger.Instance;
        _pipeline = ResiliencePipeline<HttpResponseMessage>.Empty;
        _endpoint = new Uri("https://api.sendgrid.com/v3/mail/send");
    }

    /// <summary>Serializes and sends one message.</summary>
    public virtual Task<SendGridResponse> SendAsync(SendGridMessage message, CancellationToken cancellationToken = default) =>
        SendAsync(JsonSerializer.SerializeToUtf8Bytes(message, SendGridJsonContext.Default.SendGridMessage), cancellationToken);

    /// <summary>Sends one already serialized message (the sender serializes once to check the size limit).</summary>
    public virtual async Task<SendGridResponse> SendAsync(byte[] body, CancellationToken cancellationToken = default)
    {
        var attempts = 0;
        using var response = await _pipeline.ExecuteAsync(
            async ct =>
            {
                attempts++;
                using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
                return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK)
        {
            var id = response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null;
            return new SendGridResponse(response.StatusCode, id, attempts);
        }

        throw new SendGridException(response.StatusCode, await ReadErrorsAsync(response, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<IReadOnlyList<SendGridError>> ReadErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var parsed = JsonSerializer.Deserialize(text, SendGridJsonContext.Default.SendGridErrorResponse);
            if (parsed?.Errors is { Count: > 0 } errors)
            {
                return errors;
            }
        }
        catch (JsonException)
        {
            // Not SendGrid's error JSON (a proxy's HTML page, say): keep a short excerpt instead.
        }

        var excerpt = text.Length > 200 ? text[..200] : text;
        return string.IsNullOrWhiteSpace(excerpt) ? [] : [new SendGridError(excerpt.ReplaceLineEndings(" "))];
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(SendGridOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult(SendGridRetryDelay.From(args.Outcome.Result, time.GetUtcNow(), options.MaxRetryDelay)),
                OnRetry = args =>
                {
                    var reason = args.Outcome.Exception?.GetType().Name ?? ((int)args.Outcome.Result!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    SendGridLog.Retrying(logger, args.AttemptNumber + 1, reason, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken callerToken) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        // HttpClient.Timeout surfaces as TaskCanceledException; only the caller's own cancellation stops retrying.
        { Exception: OperationCanceledException } => !callerToken.IsCancellationRequested,
        { Result: { } response } => response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500,
        _ => false,
    };
}
