using System.Text.Json;
using Digest.Core;
using Digest.Core.Storage;
using Digest.Functions.Invocation;
using Microsoft.Extensions.Options;

namespace Digest.Functions.Functions.BuildDigest;

/// <summary>
/// Timer trigger, schedule "%DigestSchedule%" (an app setting; NCrontab with seconds, default "0 0 6 * * *", evaluated
/// in UTC by the host). The digest day is "today" in Digest:TimeZone at the moment the handler runs. The job creates
/// the day's digest exactly once, so a past-due or retried run is harmless.
/// </summary>
internal static class BuildDigestFunction
{
    public const string Name = "BuildDigest";

    public static async Task RunAsync(InvocationRequest request, InvocationLog log, IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<DigestOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Digest.Functions." + Name);
        var timer = TimerInfo.From(request.Data("timer"));

        var day = options.DayOf(time.GetUtcNow());
        HandlerLog.TimerFired(logger, day, timer.IsPastDue, timer.Last, timer.Next);
        log.Add($"Timer fired for digest day {Containers.Day(day)} ({options.TimeZone}); past due: {timer.IsPastDue}; last: {timer.Last ?? "never"}; next: {timer.Next ?? "unknown"}");

        var run = services.GetRequiredService<RunBuildDigest>();
        var outcome = await run(day, cancellationToken).ConfigureAwait(false);
        HandlerLog.DigestBuilt(logger, outcome.Day, outcome.Created, outcome.Stories, outcome.Articles, outcome.Batches, outcome.Recipients);
        log.Add(outcome.Created
            ? $"Built digest {outcome.DigestId}: {outcome.Stories} stories ({outcome.MergedStories} merged) from {outcome.Articles} articles; enqueued {outcome.Batches} batches for {outcome.Recipients} recipients"
            : $"Digest {outcome.DigestId} for {Containers.Day(outcome.Day)} already existed; nothing enqueued");
    }

    /// <summary>The timer binding's value: {"Schedule": {...}, "ScheduleStatus": {"Last", "Next", "LastUpdated"}, "IsPastDue"}.</summary>
    private sealed record TimerInfo(bool IsPastDue, string? Last, string? Next)
    {
        public static TimerInfo From(JsonElement? value)
        {
            if (value is not { } raw)
            {
                return new TimerInfo(false, null, null);
            }

            var timer = JsonValues.Unwrap(raw);
            if (timer.ValueKind != JsonValueKind.Object)
            {
                throw new InvocationPayloadException("Data.timer must be the timer info object.");
            }

            var pastDue = JsonValues.Property(timer, "IsPastDue") is { ValueKind: JsonValueKind.True };
            var status = JsonValues.Property(timer, "ScheduleStatus") is { } s ? JsonValues.Unwrap(s) : default;
            return new TimerInfo(pastDue, Text(status, "Last"), Text(status, "Next"));
        }

        private static string? Text(JsonElement status, string name) =>
            JsonValues.Property(status, name) is { ValueKind: not JsonValueKind.Null } v ? JsonValues.AsText(v) : null;
    }
}
