using System.Text;
using System.Text.Json;
using Digest.Cli.Hosting;
using Digest.Cli.Run;
using Digest.Core.Articles;
using Digest.Core.Json;
using Digest.Testing;

namespace Digest.Cli.Tests.Run;

/// <summary>
/// Issue 19, item 14: a file name as long as the file system allows (255 bytes) has no room for the quarantine's
/// ".reason.json" beside it; such an input was neither parsed into the day nor listed in rejected.json. Every input is
/// accounted for: too long a name to keep goes under quarantine/~long-names/&lt;hash&gt; with the original name recorded.
/// </summary>
public sealed class LongNameRunTests : IDisposable
{
    private static readonly DateOnly Day = new(2025, 9, 2);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Names => [
        new string('a', 251) + ".txt",
        new string('é', 125) + ".txt", // 254 bytes of UTF-8, 129 characters
    ];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task ExecuteAsync_RejectedInputWithA255ByteName_ListedInRejectedJsonWithItsName(string name)
    {
        var inputs = _dir.Combine("inputs");
        Directory.CreateDirectory(inputs);
        await File.WriteAllBytesAsync(Path.Combine(inputs, name), [0x00, 0x01, 0x02, 0xFF, 0x00]);
        await File.WriteAllTextAsync(Path.Combine(inputs, "ok.txt"), "Harbour Bridge Reopens\n\nThe harbour bridge reopened on Tuesday after two years of repairs, the city said.");

        var report = await new LocalRun(CliConfiguration.Build(new Dictionary<string, string?>()))
            .ExecuteAsync(new RunRequest([inputs], Repository.SeedSubscribers, _dir.Combine("out"), null, Day));

        var rejected = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(_dir.Combine("out", "rejected.json")), DigestJsonContext.Stored.IReadOnlyListRejection)!;
        var rejection = Assert.Single(rejected);
        Assert.Equal(name, rejection.Source);
        Assert.Equal(2, report.Parsed.Count);
        Assert.Contains(report.Parsed, p => p.BlobName == name && p.Kind == ParseOutcomeKind.Quarantined);
        var kept = Directory.GetFiles(_dir.Combine("out", ".store", "quarantine", "~long-names"));
        Assert.Contains(kept, f => File.ReadAllBytes(f) is [0x00, 0x01, 0x02, 0xFF, 0x00]);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task ExecuteAsync_ParsedInputWithA255ByteName_InTheDigest(string name)
    {
        var inputs = _dir.Combine("inputs");
        Directory.CreateDirectory(inputs);
        await File.WriteAllTextAsync(Path.Combine(inputs, name), "Harbour Bridge Reopens\n\nThe harbour bridge reopened on Tuesday after two years of repairs, the city said.");

        var report = await new LocalRun(CliConfiguration.Build(new Dictionary<string, string?>()))
            .ExecuteAsync(new RunRequest([inputs], Repository.SeedSubscribers, _dir.Combine("out"), null, Day));

        var outcome = Assert.Single(report.Parsed);
        Assert.Equal(ParseOutcomeKind.Parsed, outcome.Kind);
        Assert.Contains("Harbour Bridge Reopens", await File.ReadAllTextAsync(_dir.Combine("out", "digest.txt")), StringComparison.Ordinal);
    }
}
