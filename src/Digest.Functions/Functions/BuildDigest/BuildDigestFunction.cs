using Digest.Core;
using Digest.Core.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Functions.Functions.BuildDigest;

/// <summary>
/// Timer trigger, schedule "%DigestSchedule%" (an app setting; NCrontab with seconds, default "0 0 6 * * *", evaluated
/// in UTC by the host). The digest day is "today" in Digest:TimeZone at the moment the function runs. The job creates
/// the day's digest exactly once, so a past-due or retried run is harmless; a failure throws and the retry policy
/// (exponential, 4 retries, 1 to 15 minutes) runs it again.
/// </summary>
public sealed class BuildDigestFunction(RunBuildDigest run, IOptions<DigestOptions> options, TimeProvider time, ILogger<BuildDigestFunction> logger)
{
    public const string Name = "BuildDigest";

    [Function(Name)]
    [ExponentialBackoffRetry(4, "00:01:00", "00:15:00")]
    public async Task RunAsync([TimerTrigger("%DigestSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var settings = options.Value;
        var day = settings.DayOf(time.GetUtcNow());
        FunctionsLog.TimerFired(logger, Containers.Day(day), settings.TimeZone, timer.IsPastDue, timer.ScheduleStatus?.Last, timer.ScheduleStatus?.Next);

        var outcome = await run(day, cancellationToken).ConfigureAwait(false);
        FunctionsLog.DigestBuilt(logger, Containers.Day(outcome.Day), outcome.DigestId, outcome.Created, outcome.Stories, outcome.MergedStories, outcome.Articles, outcome.Batches, outcome.Recipients);
    }
}
