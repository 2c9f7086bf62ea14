using System.Text.Json;
using Digest.Cli.Hosting;
using Digest.Cli.Run;
using Digest.Core.Articles;
using Digest.Core.Json;
using Digest.Testing;

namespace Digest.Cli.Tests.Run;

/// <summary>Input-folder defects from issue 12's hostile-input run: one bad input costs one input, never the run.</summary>
public sealed class LocalRunHostileInputTests : IDisposable
{
    private static readonly DateOnly Day = new(2025, 9, 2);
    private readonly TempDirectory _dir = new();

    public LocalRunHostileInputTests()
    {
        Directory.CreateDirectory(Inputs);
        foreach (var seed in Directory.GetFiles(Repository.Seeds))
        {
            File.Copy(seed, Path.Combine(Inputs, Path.GetFileName(seed)));
        }
    }

    private string Inputs => _dir.Combine("inputs");

    public void Dispose() => _dir.Dispose();

    private Task<RunReport> RunAsync(string? store = null, string output = "out") =>
        new LocalRun(CliConfiguration.Build(new Dictionary<string, string?>()))
            .ExecuteAsync(new RunRequest([Inputs], Repository.SeedSubscribers, _dir.Combine(output), store, Day));

    private async Task<IReadOnlyList<Rejection>> RejectedJsonAsync(string output = "out") =>
        JsonSerializer.Deserialize(await File.ReadAllBytesAsync(_dir.Combine(output, "rejected.json")), DigestJsonContext.Stored.IReadOnlyListRejection)!;

    private async Task<string> AllOutputAsync(string output = "out")
    {
        var files = new[] { "digest.html", "digest.txt", "digest.json" }.Select(f => _dir.Combine(output, f))
            .Concat(Directory.GetFiles(_dir.Combine(output, "outbox")));
        return string.Join('\n', await Task.WhenAll(files.Select(f => File.ReadAllTextAsync(f))));
    }

    [Fact]
    public async Task ExecuteAsync_255ByteFileName_ParsedAndTheRunCompletes()
    {
        var name = new string('a', 252) + ".md";
        await File.WriteAllTextAsync(Path.Combine(Inputs, name), "# Harbour Bridge Reopens After Repairs\n\nThe harbour bridge reopened on Tuesday after two years of repairs, the city said.\n");

        var report = await RunAsync();

        Assert.Equal(3, report.Parsed.Count(p => p.Kind == ParseOutcomeKind.Parsed));
        Assert.Contains("Harbour Bridge Reopens", await File.ReadAllTextAsync(_dir.Combine("out", "digest.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_UnreadableEntry_RejectedWithReasonAndTheRestParsed()
    {
        // Tests run as root, so file permissions cannot make a file unreadable: a link to a missing file is an entry the
        // folder lists and reading it fails, the same way.
        File.CreateSymbolicLink(Path.Combine(Inputs, "gone.txt"), Path.Combine(Inputs, "missing.txt"));

        var report = await RunAsync();

        Assert.Equal(2, report.Parsed.Count(p => p.Kind == ParseOutcomeKind.Parsed));
        var rejected = Assert.Single(await RejectedJsonAsync());
        Assert.Equal("gone.txt", rejected.Source);
        Assert.False(string.IsNullOrWhiteSpace(rejected.Reason));
    }

    [Fact]
    public async Task ExecuteAsync_FileThatCannotBeRead_RejectedWithReasonAndTheRestParsed()
    {
        // Permission denied cannot be staged for root: the reader seam fails for this one file as open(2) would.
        await File.WriteAllTextAsync(Path.Combine(Inputs, "locked.txt"), "Locked Headline\n\nLocked body text that nobody may read.\n");
        var run = new LocalRun(
            CliConfiguration.Build(new Dictionary<string, string?>()),
            (path, ct) => Path.GetFileName(path) == "locked.txt" ? throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.") : File.ReadAllBytesAsync(path, ct));

        var report = await run.ExecuteAsync(new RunRequest([Inputs], Repository.SeedSubscribers, _dir.Combine("out"), null, Day));

        Assert.Equal(2, report.Parsed.Count(p => p.Kind == ParseOutcomeKind.Parsed));
        var rejected = Assert.Single(await RejectedJsonAsync());
        Assert.Equal("locked.txt", rejected.Source);
        Assert.Contains("could not be read", rejected.Reason, StringComparison.Ordinal);
        Assert.True(File.Exists(_dir.Combine("out", "digest.html")));
    }

    [Fact]
    public async Task ExecuteAsync_SymlinkToAFileOutsideTheFolder_RejectedAndNeverRead()
    {
        File.CreateSymbolicLink(Path.Combine(Inputs, "passwd.txt"), "/etc/passwd");
        Directory.CreateDirectory(_dir.Combine("outside"));
        await File.WriteAllTextAsync(_dir.Combine("outside", "secret.txt"), "Secret Plans Revealed\n\nThe secret plans were revealed on Tuesday by nobody at all.\n");
        File.CreateSymbolicLink(Path.Combine(Inputs, "secret.txt"), _dir.Combine("outside", "secret.txt"));

        var report = await RunAsync();

        var rejected = (await RejectedJsonAsync()).ToDictionary(r => r.Source, r => r.Reason);
        Assert.Contains("outside the input folder", rejected["passwd.txt"], StringComparison.Ordinal);
        Assert.Contains("outside the input folder", rejected["secret.txt"], StringComparison.Ordinal);
        var output = await AllOutputAsync();
        Assert.DoesNotContain("root:x:0:0", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret Plans", output, StringComparison.Ordinal);
        Assert.Equal(2, report.Parsed.Count(p => p.Kind == ParseOutcomeKind.Parsed));
    }

    [Fact]
    public async Task ExecuteAsync_SymlinkedFolderOutside_RejectedAndItsFilesNeverRead()
    {
        Directory.CreateDirectory(_dir.Combine("outside"));
        await File.WriteAllTextAsync(_dir.Combine("outside", "leak.txt"), "Leaked Memo Published\n\nThe leaked memo was published on Tuesday by nobody at all.\n");
        Directory.CreateSymbolicLink(Path.Combine(Inputs, "elsewhere"), _dir.Combine("outside"));

        await RunAsync();

        var rejected = Assert.Single(await RejectedJsonAsync());
        Assert.Equal("elsewhere", rejected.Source);
        Assert.Contains("outside the input folder", rejected.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Leaked Memo", await AllOutputAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_LinksInsideTheFolderAndALoop_FollowedWithoutLooping()
    {
        Directory.CreateDirectory(Path.Combine(Inputs, "sub"));
        await File.WriteAllTextAsync(Path.Combine(Inputs, "sub", "bridge.md"), "# Harbour Bridge Reopens After Repairs\n\nThe harbour bridge reopened on Tuesday after two years of repairs, the city said.\n");
        Directory.CreateSymbolicLink(Path.Combine(Inputs, "sub", "loop"), Inputs);
        File.CreateSymbolicLink(Path.Combine(Inputs, "alias.md"), Path.Combine(Inputs, "sub", "bridge.md"));

        var report = await RunAsync();

        Assert.Empty(await RejectedJsonAsync());
        Assert.InRange(report.Parsed.Count, 3, 4); // the linked file may be read under its own name and the link's
        Assert.Contains("Harbour Bridge Reopens", await File.ReadAllTextAsync(_dir.Combine("out", "digest.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_RerunOnTheSameStoreAndDay_StillListsTheRejectedInputs()
    {
        await File.WriteAllBytesAsync(Path.Combine(Inputs, "empty.txt"), []);
        await File.WriteAllBytesAsync(Path.Combine(Inputs, "image.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
        var store = _dir.Combine("store");

        var first = await RunAsync(store, "out1");
        var second = await RunAsync(store, "out2");

        Assert.Equal(2, first.Rejected.Count);
        Assert.Equal(["empty.txt", "image.png"], second.Rejected.Select(r => r.Source).Order(StringComparer.Ordinal));
        Assert.Equal(2, (await RejectedJsonAsync("out2")).Count);
    }
}
