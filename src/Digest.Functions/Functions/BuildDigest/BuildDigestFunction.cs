using Digest.Core.Triggers;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Digest.Functions.Functions.BuildDigest;

/// <summary>
/// Timer trigger, schedule "%DigestSchedule%" (an app setting; NCrontab with seconds, default "0 0 6 * * *", evaluated
/// in UTC by the host): logs the timer's state and hands over to <see cref="DailyBuildTrigger"/>, the path `digest dev`'s
/// schedule takes too (the day is "today" in Digest:TimeZone; the digest is created once). A failure throws and the
/// retry policy (exponential, 4 retries, 1 to 15 minutes) runs it again.
/// </summary>
public sealed class BuildDigestFunction(DailyBuildTrigger trigger, ILogger<BuildDigestFunction> logger)
{
    public const string Name = "BuildDigest";

    [Function(Name)]
    [ExponentialBackoffRetry(4, "00:01:00", "00:15:00")]
    public async Task RunAsync([TimerTrigger("%DigestSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        FunctionsLog.TimerFired(logger, timer.IsPastDue, timer.ScheduleStatus?.Last, timer.ScheduleStatus?.Next);
        await trigger.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
