using Azure.Storage.Blobs;
using Digest.Core.Storage;
using Digest.Core.Triggers;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Digest.Functions.Functions.ParseArticle;

/// <summary>
/// Blob trigger on articles/{name}, source EventGrid (the only blob trigger source on Flex Consumption: an Event Grid
/// subscription on the storage account calls the host's blobs extension webhook). It binds a <see cref="BlobClient"/>,
/// not the content, so nothing is downloaded twice, and hands the name to <see cref="ArticleUploadTrigger"/>, the path
/// `digest dev` takes too. What it throws (a storage failure, <see cref="ParseInProgressException"/>) makes Event Grid
/// redeliver. Only an event for another container (a misconfigured subscription) is this class's own to drop.
/// </summary>
public sealed class ParseArticleFunction(ArticleUploadTrigger trigger, ILogger<ParseArticleFunction> logger)
{
    public const string Name = "ParseArticle";

    [Function(Name)]
    public async Task RunAsync(
        [BlobTrigger(Containers.Articles + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient blob,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        if (blob.BlobContainerName != Containers.Articles)
        {
            FunctionsLog.EventForOtherContainer(logger, blob.BlobContainerName, blob.Name);
            return;
        }

        await trigger.RunAsync(blob.Name, cancellationToken).ConfigureAwait(false);
    }
}
