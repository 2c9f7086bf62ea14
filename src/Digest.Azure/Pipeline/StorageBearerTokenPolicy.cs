using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Digest.Azure.Pipeline;

/// <summary>
/// Entra ID authorization: Azure.Core's <see cref="BearerTokenAuthenticationPolicy"/> with the storage scope, plus
/// the x-ms-date header the service requires on every request.
/// </summary>
internal sealed class StorageBearerTokenPolicy(TokenCredential credential, TimeProvider timeProvider)
    : BearerTokenAuthenticationPolicy(credential, StorageRestPipeline.StorageScope)
{
    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        SetDate(message);
        return base.ProcessAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        SetDate(message);
        base.Process(message, pipeline);
    }

    private void SetDate(HttpMessage message) =>
        message.Request.Headers.SetValue("x-ms-date", timeProvider.GetUtcNow().ToString("r", CultureInfo.InvariantCulture));
}
