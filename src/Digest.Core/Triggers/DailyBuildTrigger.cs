using Digest.Core.Digests;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Core.Triggers;

/// <summary>
/// What the daily timer does, the one path of both hosts (the Functions app's BuildDigest timer and `digest dev`'s
/// schedule): builds "today" in Digest:TimeZone at the moment it fires, and logs the outcome. The job creates the day's
/// digest once, so a past-due or retried run is harmless; a failure throws so the host runs it again.
/// </summary>
public sealed class DailyBuildTrigger(RunBuildDigest run, IOptions<DigestOptions> options, TimeProvider time, ILogger<DailyBuildTrigger> logger)
{
    public async Task<BuildDigestOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var day = settings.DayOf(time.GetUtcNow());
        TriggerLog.BuildStarted(logger, Containers.Day(day), settings.TimeZone);
        var outcome = await run(day, cancellationToken).ConfigureAwait(false);
        TriggerLog.DigestBuilt(logger, Containers.Day(outcome.Day), outcome.DigestId, outcome.Created, outcome.Stories, outcome.MergedStories, outcome.Articles, outcome.Batches, outcome.Recipients);
        return outcome;
    }
}
