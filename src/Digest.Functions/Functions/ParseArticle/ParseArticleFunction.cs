using Azure.Storage.Blobs;
using Digest.Core.Articles;
using Digest.Core.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Digest.Functions.Functions.ParseArticle;

/// <summary>
/// Blob trigger on articles/{name}, source EventGrid (the only blob trigger source on Flex Consumption: an Event Grid
/// subscription on the storage account calls the host's blobs extension webhook). It binds a <see cref="BlobClient"/>,
/// not the content, so nothing is downloaded twice: <see cref="ParseArticleJob"/> reads the blob (content and stored
/// properties) from the store itself. Locally Azurite emits no Event Grid events, so `digest dev` notices new blobs and
/// calls the same job. Quarantined input is a handled outcome; storage failures throw, so Event Grid redelivers, and so
/// does an upload another instance has claimed and is parsing (<see cref="ParseInProgressException"/>).
/// </summary>
public sealed class ParseArticleFunction(ParseArticleJob job, ILogger<ParseArticleFunction> logger)
{
    public const string Name = "ParseArticle";

    [Function(Name)]
    public async Task RunAsync(
        [BlobTrigger(Containers.Articles + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient blob,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var name = blob.Name;
        if (blob.BlobContainerName != Containers.Articles || !BlobNames.IsValid(name))
        {
            // Retrying cannot make the name valid: say so and let the event go.
            FunctionsLog.ArticleNameRejected(logger, blob.BlobContainerName, name);
            return;
        }

        var outcome = await job.RunAsync(name, cancellationToken).ConfigureAwait(false);
        if (outcome.Kind == ParseOutcomeKind.InProgress)
        {
            // Another instance holds the claim and is parsing it. Throwing makes the trigger redeliver: by then the
            // receipt stops it, or the claim has expired (the other instance died) and this one parses it.
            throw new ParseInProgressException(name, outcome.Reason);
        }

        FunctionsLog.ArticleHandled(logger, name, outcome.Kind.ToString(), outcome.ArticleId, outcome.Reason);
        foreach (var diagnostic in outcome.Diagnostics)
        {
            FunctionsLog.ArticleDiagnostic(logger, name, diagnostic.Severity.ToString(), diagnostic.Code, diagnostic.Message);
        }
    }
}

/// <summary>The upload is being parsed by another instance (its claim has not expired): thrown so the trigger redelivers.</summary>
public sealed class ParseInProgressException(string blobName, string? holder)
    : Exception($"{blobName} is being parsed by another instance ({holder ?? "claimed"}); the trigger retries it.");
