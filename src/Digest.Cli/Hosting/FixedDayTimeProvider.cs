namespace Digest.Cli.Hosting;

/// <summary>A clock that starts at noon of a chosen day (in the digest's time zone) and then runs: for `--date`.</summary>
internal sealed class FixedDayTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly long _startTicks = System.GetTimestamp();

    public FixedDayTimeProvider(DateOnly day, TimeZoneInfo zone)
    {
        var noon = day.ToDateTime(new TimeOnly(12, 0));
        _start = new DateTimeOffset(noon, zone.GetUtcOffset(noon)).ToUniversalTime();
    }

    public override DateTimeOffset GetUtcNow() => _start + System.GetElapsedTime(_startTicks);
}
