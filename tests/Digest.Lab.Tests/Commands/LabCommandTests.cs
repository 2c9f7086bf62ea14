using Digest.Testing;

namespace Digest.Lab.Tests.Commands;

/// <summary>
/// The research tools run as a process the way a researcher runs them (`digest-lab`, issue 22): mistakes end in one
/// `error:` line, no stack trace, exit 2 (usage) or 1 (runtime), and no Digest, Email or storage setting is read.
/// </summary>
public sealed class LabCommandTests : IDisposable
{
    private const string Lab = "digest-lab.dll";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string, int, string[], string[]> Mistakes => new()
    {
        // setting (NAME=value, or "" for none), expected exit code, args, fragments the one line must contain
        { "eval on a non-JSONL file", "", 1, ["eval", "subs.json"], ["subs.json", "not labelled JSON lines", "stopped after 10 bad lines at line 10"] },
        { "eval with a broken digest setting", "Digest__TimeZone=Mars/Olympus", 1, ["eval", "subs.json"], ["subs.json", "not labelled JSON lines"] },
        { "unknown option on eval", "", 2, ["eval", "subs.json", "--frobnicate"], ["unknown option '--frobnicate'", "see 'digest-lab eval --help'"] },
        { "bad override", "", 2, ["eval", "subs.json", "--set", "NoSuchOption=1"], ["--set", "NoSuchOption", "digest-lab eval --help"] },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Invoke_ResearcherMistake_OneErrorLineNoTraceRightExitCode(string mistake, string setting, int exitCode, string[] args, string[] fragments)
    {
        await File.WriteAllTextAsync(_dir.Combine("subs.json"), """[{"email":"ann@example.com","name":"Ann"}]""" + "\n" + string.Join('\n', Enumerable.Repeat("not json", 300)));
        var environment = new Dictionary<string, string> { ["AzureWebJobsStorage"] = "", ["TERM"] = "xterm-256color" };
        if (setting.Length > 0)
        {
            environment[setting[..setting.IndexOf('=', StringComparison.Ordinal)]] = setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..];
        }

        var (code, output) = await ProgramProcess.RunAsync(Lab, _dir.Path, environment, args);

        ErrorLine.AssertOne(output, fragments, mistake);
        Assert.Equal(exitCode, code);
    }

    [Fact]
    public async Task Invoke_Help_ListsEvalAndBench()
    {
        var (code, output) = await ProgramProcess.RunAsync(Lab, _dir.Path, new Dictionary<string, string>(), "--help");

        Assert.Equal(0, code);
        Assert.Contains("digest-lab", output);
        Assert.Contains("  eval <files>", output);
        Assert.Contains("  bench", output);
    }
}
