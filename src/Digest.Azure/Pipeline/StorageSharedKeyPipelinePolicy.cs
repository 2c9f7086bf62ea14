using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Digest.Azure.Pipeline;

/// <summary>
/// Signs every attempt (it runs per retry, so the date is fresh) with "Authorization: SharedKey account:signature".
/// </summary>
internal sealed class StorageSharedKeyPipelinePolicy(StorageSharedKeyCredential credential, TimeProvider timeProvider) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        base.OnSendingRequest(message);
        message.Request.Headers.SetValue("x-ms-date", timeProvider.GetUtcNow().ToString("r", CultureInfo.InvariantCulture));
        var stringToSign = SharedKeyStringToSign.Build(message.Request, credential.AccountName);
        var signature = credential.ComputeHmacSha256(stringToSign);
        message.Request.Headers.SetValue(HttpHeader.Names.Authorization, $"SharedKey {credential.AccountName}:{signature}");
    }
}
