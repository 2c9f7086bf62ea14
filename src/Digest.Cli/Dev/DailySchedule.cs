using NCrontab;

namespace Digest.Cli.Dev;

/// <summary>
/// The BuildDigest timer: the same six-field NCrontab expression (seconds first) as the Functions timer trigger,
/// evaluated in the digest's time zone.
/// </summary>
internal sealed class DailySchedule
{
    private readonly CrontabSchedule _schedule;
    private readonly TimeZoneInfo _zone;
    private DateTimeOffset _next;

    public DailySchedule(string expression, TimeZoneInfo zone, DateTimeOffset now)
    {
        _schedule = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new ArgumentException($"'{expression}' is not a six-field NCrontab expression (seconds minutes hours day month weekday).", nameof(expression));
        _zone = zone;
        _next = NextAfter(now);
    }

    public DateTimeOffset Next => _next;

    /// <summary>True once per occurrence: when <paramref name="now"/> has reached the next firing.</summary>
    public bool IsDue(DateTimeOffset now)
    {
        if (now < _next)
        {
            return false;
        }

        _next = NextAfter(now);
        return true;
    }

    private DateTimeOffset NextAfter(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, _zone).DateTime;
        var next = _schedule.GetNextOccurrence(local);
        return new DateTimeOffset(next, _zone.GetUtcOffset(next));
    }
}
