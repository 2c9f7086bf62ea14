using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Digest.Azure.Pipeline;

/// <summary>
/// The HTTP pipeline shared by one service client and its children: Azure.Core's retries, logging and telemetry,
/// plus the chosen authorization policy. Creates requests with x-ms-version and turns statuses outside a request's
/// success codes into <see cref="RequestFailedException"/> carrying the service's error code.
/// </summary>
internal sealed class StorageRestPipeline
{
    /// <summary>OAuth scope for Azure Storage data-plane access.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    private readonly HttpPipeline _pipeline;

    public StorageRestPipeline(ClientOptions options, StorageConnection connection, TimeProvider timeProvider)
    {
        HttpPipelinePolicy auth = (connection.SharedKey, connection.TokenCredential) switch
        {
            ({ } key, _) => new StorageSharedKeyPipelinePolicy(key, timeProvider),
            (null, { } token) => new StorageBearerTokenPolicy(token, timeProvider),
            _ => throw new ArgumentException("A storage connection needs a shared key or a token credential."),
        };
        var pipelineOptions = new HttpPipelineOptions(options)
        {
            RequestFailedDetailsParser = StorageRequestFailedDetailsParser.Instance,
        };
        pipelineOptions.PerRetryPolicies.Add(auth);
        _pipeline = HttpPipelineBuilder.Build(pipelineOptions);
    }

    /// <summary>A request whose response is an error unless its status is one of <paramref name="successStatusCodes"/>.</summary>
    public HttpMessage CreateMessage(RequestMethod method, Uri uri, ReadOnlySpan<ushort> successStatusCodes)
    {
        var message = _pipeline.CreateMessage();
        message.ResponseClassifier = new StatusCodeClassifier(successStatusCodes);
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        message.Request.Headers.SetValue("x-ms-version", StorageServiceVersion.Default);
        return message;
    }

    /// <summary>Sends the message; a status outside its success codes throws.</summary>
    public async ValueTask<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        return response.IsError ? throw Failure(response) : response;
    }

    public static RequestFailedException Failure(Response response) =>
        new(response, null, StorageRequestFailedDetailsParser.Instance);

    public static string? ErrorCode(Response response) =>
        response.Headers.TryGetValue("x-ms-error-code", out var code) ? code : null;
}
