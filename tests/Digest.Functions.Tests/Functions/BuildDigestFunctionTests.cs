using Digest.Core.Digests;
using Digest.Core.Storage;
using Digest.Functions.Functions.BuildDigest;
using Digest.Functions.Tests.Support;
using Digest.Testing;
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
    public async Task Invoke_TimerFires_BuildsTheDigestOfTheDayInTheConfiguredZone(string now, string zone, string expectedDay)
    {
        using var factory = Factory(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), zone, Succeed);

        var answer = await Payloads.ReadAnswerAsync(await Payloads.InvokeAsync(factory.CreateClient(), "BuildDigest", "timer.json"));

        Assert.Equal(200, answer.Status);
        Assert.Equal([DateOnly.Parse(expectedDay, System.Globalization.CultureInfo.InvariantCulture)], _days);
        Assert.Contains($"Timer fired for digest day {expectedDay} ({zone}); past due: False; last: 2025-09-01T06:00:00.0000000+00:00", answer.Logs[0], StringComparison.Ordinal);
        Assert.Contains("Built digest d-" + expectedDay + ": 7 stories (2 merged) from 12 articles; enqueued 3 batches for 2500 recipients", answer.AllLogs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_PastDueTimerInfoAsJsonString_LogsPastDue()
    {
        using var factory = Factory(new DateTimeOffset(2025, 9, 2, 7, 12, 40, TimeSpan.Zero), "UTC", Succeed);

        var answer = await Payloads.ReadAnswerAsync(await Payloads.InvokeAsync(factory.CreateClient(), "BuildDigest", "timer-past-due-encoded.json"));

        Assert.Equal(200, answer.Status);
        Assert.Contains("past due: True", answer.Logs[0], StringComparison.Ordinal);
        Assert.Single(_days);
    }

    [Fact]
    public async Task Invoke_DigestAlreadyBuilt_Returns200AndSaysNothingWasEnqueued()
    {
        using var factory = Factory(new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero), "UTC", (day, _) =>
            Task.FromResult(new BuildDigestOutcome(day, "d-2025-09-02", false, 0, 0, 0, 0, 0)));

        var answer = await Payloads.ReadAnswerAsync(await Payloads.InvokeAsync(factory.CreateClient(), "BuildDigest", "timer.json"));

        Assert.Equal(200, answer.Status);
        Assert.Contains("already existed; nothing enqueued", answer.AllLogs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_JobFails_Returns500SoTheTimerRetryPolicyApplies()
    {
        using var factory = Factory(new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero), "UTC", (_, _) =>
            throw new IOException("queue unreachable"));

        var answer = await Payloads.ReadAnswerAsync(await Payloads.InvokeAsync(factory.CreateClient(), "BuildDigest", "timer.json"));

        // The lines logged before the failure are kept, so the host's log shows how far it got.
        Assert.Equal(500, answer.Status);
        Assert.StartsWith("Timer fired for digest day 2025-09-02", answer.Logs[0], StringComparison.Ordinal);
        Assert.Equal("BuildDigest failed: IOException: queue unreachable", answer.Logs[^1]);
    }

    [Theory]
    [InlineData("{\"Data\": {\"timer\": 42}, \"Metadata\": {}}")]
    [InlineData("{\"Data\": \"timer\", \"Metadata\": {}}")]
    [InlineData("")]
    public async Task Invoke_MalformedPayload_Returns400AndDoesNotBuild(string body)
    {
        using var factory = Factory(new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero), "UTC", Succeed);

        var answer = await Payloads.ReadAnswerAsync(await factory.CreateClient().PostAsync("/BuildDigest", Payloads.Json(body)));

        Assert.Equal(400, answer.Status);
        Assert.Empty(_days);
    }

    private Task<BuildDigestOutcome> Succeed(DateOnly day, CancellationToken cancellationToken) =>
        Task.FromResult(new BuildDigestOutcome(day, "d-" + Containers.Day(day), true, 12, 7, 2, 3, 2500));

    private HandlerFactory Factory(DateTimeOffset now, string zone, RunBuildDigest run) =>
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
