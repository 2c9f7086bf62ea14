using System.Globalization;
using Digest.Core.Articles;
using Digest.Core.Storage;
using Digest.Functions.Invocation;

namespace Digest.Functions.Functions.ParseArticle;

/// <summary>
/// Blob trigger on articles/{name} (function.json, source EventGrid: the only blob trigger source on Flex Consumption).
/// Locally Azurite emits no Event Grid events, so `digest dev` notices new blobs and calls the same job.
/// The handler reads the blob name from the trigger metadata and lets <see cref="ParseArticleJob"/> read the blob from
/// the store (the bound content in Data is ignored: the job needs the stored properties too).
/// </summary>
internal static class ParseArticleFunction
{
    public const string Name = "ParseArticle";

    public static async Task RunAsync(InvocationRequest request, InvocationLog log, IServiceProvider services, CancellationToken cancellationToken)
    {
        var blobName = BlobNameOf(request);
        var job = services.GetRequiredService<ParseArticleJob>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Digest.Functions." + Name);

        var outcome = await job.RunAsync(blobName, cancellationToken).ConfigureAwait(false);
        HandlerLog.ArticleHandled(logger, blobName, outcome.Kind.ToString(), outcome.ArticleId, outcome.Reason);

        // Quarantined input is a handled outcome, not a failure: retrying bad bytes cannot make them good.
        var day = Containers.Day(outcome.Day);
        var line = outcome.Kind switch
        {
            ParseOutcomeKind.Parsed => $"Parsed {blobName} into {Containers.Parsed}/{Containers.ParsedArticle(outcome.Day, outcome.ArticleId!)}",
            ParseOutcomeKind.Quarantined => $"Quarantined {blobName} ({Containers.Quarantine}/{Containers.QuarantineReason(blobName)}): {outcome.Reason}",
            ParseOutcomeKind.AlreadyProcessed => $"Skipped {blobName}: this version was already processed",
            ParseOutcomeKind.Missing => $"Skipped {blobName}: the blob no longer exists",
            _ => $"{outcome.Kind} {blobName}",
        };
        log.Add(line + " (day " + day + ")");
        foreach (var diagnostic in outcome.Diagnostics)
        {
            log.Add(string.Create(CultureInfo.InvariantCulture, $"  {diagnostic.Severity} {diagnostic.Code}: {diagnostic.Message}"));
        }
    }

    /// <summary>
    /// The {name} captured by the trigger path; falls back to BlobTrigger ("articles/&lt;name&gt;") when the host
    /// omits the path parameter.
    /// </summary>
    internal static string BlobNameOf(InvocationRequest request)
    {
        var name = request.MetadataText("name");
        if (string.IsNullOrEmpty(name))
        {
            var trigger = request.MetadataText("BlobTrigger");
            const string prefix = Containers.Articles + "/";
            if (trigger is not null && trigger.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = trigger[prefix.Length..];
            }
        }

        if (string.IsNullOrEmpty(name))
        {
            throw new InvocationPayloadException("Metadata has no blob name (\"name\" or \"BlobTrigger\").");
        }

        if (!BlobNames.IsValid(name))
        {
            throw new InvocationPayloadException("Metadata names an invalid blob name.");
        }

        return name;
    }
}
