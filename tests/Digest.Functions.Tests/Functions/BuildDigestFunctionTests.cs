using System.Globalization;
using Digest.Core.Digests;
using Digest.Core.Storage;
using Digest.Core.Triggers;
using Digest.Functions.Functions.BuildDigest;
using Digest.Functions.Tests.Support;
using Digest.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Functions.Tests.Functions;

public sealed class BuildDigestFunctionTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly List<DateOnly> _days = [];

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("2025-09-02T06:00:00Z", "UTC", "2025-09-02")]
    [InlineData("2025-09-02T14:00:00Z", "Pacific/Auckland", "2025-09-03")]
    [InlineData("2025-09-02T03:00:00Z", "America/Los_Angeles", "2025-09-01")]
    public async Task Run_TimerFires_BuildsTheDigestOfTheDayInTheConfiguredZone(string now, string zone, string expectedDay)
    {
        using var host = Host(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), zone, Succeed);

        await host.Create<BuildDigestFunction>().RunAsync(Timer(pastDue: false), CancellationToken.None);

        Assert.Equal([DateOnly.Parse(expectedDay, CultureInfo.InvariantCulture)], _days);
        Assert.Contains("BuildDigest timer: past due False", host.Logs.All, StringComparison.Ordinal);
        Assert.Contains($"BuildDigest for {expectedDay} ({zone})", host.Logs.All, StringComparison.Ordinal);
        Assert.Contains("digest d-" + expectedDay + " created True, 7 stories (2 merged) from 12 articles, 3 batches for 2500 recipients", host.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PastDueTimer_LogsPastDueAndBuildsOnce()
    {
        using var host = Host(new DateTimeOffset(2025, 9, 2, 7, 12, 40, TimeSpan.Zero), "UTC", Succeed);

        await host.Create<BuildDigestFunction>().RunAsync(Timer(pastDue: true), CancellationToken.None);

        Assert.Contains("past due True", host.Logs.All, StringComparison.Ordinal);
        Assert.Single(_days);
    }

    [Fact]
    public async Task Run_DigestAlreadyBuilt_CompletesAndSaysNothingWasCreated()
    {
        using var host = Host(new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero), "UTC", (day, _) =>
            Task.FromResult(new BuildDigestOutcome(day, "d-2025-09-02", false, 0, 0, 0, 0, 0)));

        await host.Create<BuildDigestFunction>().RunAsync(Timer(pastDue: false), CancellationToken.None);

        Assert.Contains("digest d-2025-09-02 created False", host.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_JobFails_ThrowsSoTheRetryPolicyApplies()
    {
        using var host = Host(new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero), "UTC", (_, _) => throw new IOException("queue unreachable"));

        var error = await Assert.ThrowsAsync<IOException>(() => host.Create<BuildDigestFunction>().RunAsync(Timer(pastDue: false), CancellationToken.None));

        Assert.Equal("queue unreachable", error.Message);
        Assert.Contains("BuildDigest for 2025-09-02", host.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithTheRealJob_CreatesTheDaysDigestOnce()
    {
        using var temp = new TempDirectory();
        using var host = new FunctionsHost(new FileSystemBlobStore(temp.Path), new FakeTimeProvider(new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero)));
        var function = host.Create<BuildDigestFunction>();

        await function.RunAsync(Timer(pastDue: false), CancellationToken.None);
        await function.RunAsync(Timer(pastDue: true), CancellationToken.None);

        var store = host.Services.GetRequiredService<IBlobStore>();
        Assert.NotNull(await store.GetAsync(Containers.Digests, Containers.DigestJson(new DateOnly(2025, 9, 2))));
        Assert.Contains("created True", host.Logs.All, StringComparison.Ordinal);
        Assert.Contains("created False", host.Logs.All, StringComparison.Ordinal);
    }

    private static TimerInfo Timer(bool pastDue) => new()
    {
        IsPastDue = pastDue,
        ScheduleStatus = new ScheduleStatus
        {
            Last = new DateTime(2025, 9, 1, 6, 0, 0, DateTimeKind.Utc),
            Next = new DateTime(2025, 9, 3, 6, 0, 0, DateTimeKind.Utc),
        },
    };

    private Task<BuildDigestOutcome> Succeed(DateOnly day, CancellationToken cancellationToken) =>
        Task.FromResult(new BuildDigestOutcome(day, "d-" + Containers.Day(day), true, 12, 7, 2, 3, 2500));

    private FunctionsHost Host(DateTimeOffset now, string zone, RunBuildDigest run) =>
        new(
            new FileSystemBlobStore(_temp.Path),
            new FakeTimeProvider(now),
            services => services.AddSingleton<RunBuildDigest>((day, ct) =>
            {
                _days.Add(day);
                return run(day, ct);
            }),
            new Dictionary<string, string> { ["Digest:TimeZone"] = zone });
}
