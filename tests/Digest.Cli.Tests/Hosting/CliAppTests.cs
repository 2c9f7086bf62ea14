using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Digest.Cli.Tests.Dev;
using Digest.Testing;

namespace Digest.Cli.Tests.Hosting;

/// <summary>
/// Issue 13, acceptance 1 and 2: each mistake an operator makes, run as a process the way they would run it, ends in
/// one `error:` line naming the problem, no stack trace, and exit 2 (usage) or 1 (runtime).
/// </summary>
public sealed class CliAppTests : IDisposable
{
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string, int, string[], string[]> Mistakes => new()
    {
        // setting (NAME=value, or "" for none), expected exit code, args, fragments the one line must contain
        { "time zone", "Digest__TimeZone=Mars/Olympus", 1, ["subscribers", "list"], ["Digest__TimeZone", "Mars/Olympus", "Europe/Berlin"] },
        { "provider", "Email__Provider=Carrier", 1, ["run"], ["Email__Provider", "Carrier", "Smtp"] },
        { "number", "Digest__MaxStories=abc", 1, ["run"], ["Digest__MaxStories", "abc", "150"] },
        { "short signing key", "Digest__UnsubscribeSigningKey=short", 1, ["run"], ["Digest__UnsubscribeSigningKey", "32"] },
        { "schedule setting", "DigestSchedule=0 0 25 * * *", 1, ["dev", "--once"], ["DigestSchedule", "0 0 25 * * *", "0 0 6 * * *"] },
        { "visibility timeout", "Digest__Dev__VisibilityTimeout=soon", 1, ["dev", "--once"], ["Digest__Dev__VisibilityTimeout", "soon", "00:00:30"] },
        { "zero visibility timeout", "Digest__Dev__VisibilityTimeout=00:00:00", 1, ["dev", "--once"], ["Digest__Dev__VisibilityTimeout", "00:00:01"] },
        { "schedule option", "", 2, ["dev", "--once", "--schedule", "0 0 25 * * *"], ["--schedule", "0 0 6 * * *"] },
        { "storage setting", "AzureWebJobsStorage=garbage", 1, ["upload", "x.txt"], ["AzureWebJobsStorage", "UseDevelopmentStorage=true", "AccountName="] },
        { "storage on upload", "", 2, ["upload", "x.txt", "--storage", "garbage"], ["--storage", "UseDevelopmentStorage=true", "AccountName="] },
        { "storage on dev", "", 2, ["dev", "--once", "--storage", "garbage"], ["--storage", "UseDevelopmentStorage=true"] },
        { "storage on subscribers list", "", 2, ["subscribers", "list", "--storage", "garbage"], ["--storage", "UseDevelopmentStorage=true"] },
        { "storage on subscribers import", "", 2, ["subscribers", "import", "subs.json", "--storage", "garbage"], ["--storage", "UseDevelopmentStorage=true"] },
        { "storage on subscribers export", "", 2, ["subscribers", "export", "out.csv", "--storage", "garbage"], ["--storage", "UseDevelopmentStorage=true"] },
        { "unknown option on run", "", 2, ["run", "--frobnicate"], ["unknown option '--frobnicate'", "digest run --help"] },
        { "misspelt option", "", 2, ["run", "--subscriber", "s.json"], ["'--subscriber'", "did you mean '--subscribers'"] },
        { "longer spelling of an option", "", 2, ["run", "--output", "o"], ["'--output'", "did you mean '--out'"] },
        { "max article age", "Digest__MaxArticleAgeDays=-1", 1, ["run"], ["Digest__MaxArticleAgeDays", "-1", "3"] },
        { "unknown command", "", 2, ["frobnicate"], ["unknown command 'frobnicate'"] },
        { "misspelt command", "", 2, ["uplaod", "x.txt"], ["did you mean 'upload'"] },
        { "missing command", "", 2, ["subscribers"], ["needs a command", "import"] },
        { "bad date", "", 2, ["run", "--date", "2026-13-40"], ["--date", "YYYY-MM-DD"] },
        { "missing input", "", 1, ["run", "nowhere"], ["nowhere"] },
        { "eval, now a research tool", "", 2, ["eval", "subs.json"], ["unknown command 'eval'", "dotnet run --project tools/Digest.Lab -c Release -- eval"] },
        { "bench, now a research tool", "", 2, ["bench", "cluster"], ["unknown command 'bench'", "dotnet run --project tools/Digest.Lab -c Release -- bench"] },
        { "malformed subscribers CSV", "", 1, ["run", "articles", "--subscribers", "subs.csv"], ["subs.csv", "no valid subscriber"] },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Invoke_OperatorMistake_OneErrorLineNoTraceRightExitCode(string mistake, string setting, int exitCode, string[] args, string[] fragments)
    {
        await File.WriteAllTextAsync(_dir.Combine("subs.json"), """[{"email":"ann@example.com","name":"Ann"}]""" + "\n" + string.Join('\n', Enumerable.Repeat("not json", 300)));
        await File.WriteAllTextAsync(_dir.Combine("subs.csv"), "this is,not\n\"a subscribers,file\n");
        await File.WriteAllTextAsync(_dir.Combine("x.txt"), "Title\n\nBody.");
        Directory.CreateDirectory(_dir.Combine("articles"));
        File.Copy(Directory.GetFiles(Repository.Seeds)[0], _dir.Combine("articles", "a" + Path.GetExtension(Directory.GetFiles(Repository.Seeds)[0])));
        var environment = Environment(setting);

        var (code, output) = await CliProcess.RunAsync(_dir.Path, environment, args);

        ErrorLine.AssertOne(output, fragments, mistake);
        Assert.Equal(exitCode, code);
    }

    [Theory]
    [InlineData("upload")]
    [InlineData("dev")]
    [InlineData("subscribers")]
    public async Task Invoke_StorageUnreachable_FailsWithinFifteenSecondsNamingTheEndpoint(string command)
    {
        var port = ClosedPort();
        var storage = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        await File.WriteAllTextAsync(_dir.Combine("x.txt"), "Title\n\nBody.");
        string[] args = command switch
        {
            "upload" => ["upload", "x.txt", "--storage", storage],
            "dev" => ["dev", "--once", "--storage", storage],
            _ => ["subscribers", "list", "--storage", storage],
        };
        var watch = Stopwatch.StartNew();

        var (code, output) = await CliProcess.RunAsync(_dir.Path, Environment(""), args);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
        ErrorLine.AssertOne(output, [$"127.0.0.1:{port}", "Azurite"], command);
        Assert.Equal(1, code);
    }

    [Fact]
    public async Task Invoke_VerboseFailure_AddsTheStackTrace()
    {
        var (code, output) = await CliProcess.RunAsync(_dir.Path, Environment(""), "run", "nowhere", "--verbose");

        Assert.Equal(1, code);
        Assert.Contains("error: ", output);
        Assert.Contains("   at ", output);
    }

    /// <summary>Issue 22: `digest` carries what operators and editors use; evaluation and benchmarks are in tools/Digest.Lab.</summary>
    [Fact]
    public async Task Invoke_Help_ListsNoResearchCommands()
    {
        var (code, output) = await CliProcess.RunAsync(_dir.Path, Environment(""), "--help");

        Assert.Equal(0, code);
        var commands = output.Split('\n').SkipWhile(l => !l.StartsWith("Commands:", StringComparison.Ordinal)).Skip(1)
            .Select(l => l.Trim().Split(' ')[0]).Where(name => name.Length > 0).ToArray();
        Assert.Contains("run", commands);
        Assert.Contains("subscribers", commands);
        Assert.DoesNotContain("eval", commands);
        Assert.DoesNotContain("bench", commands);
    }

    [Fact]
    public async Task Invoke_Piped_WritesNoAnsiEscapes()
    {
        var (code, output) = await CliProcess.RunAsync(_dir.Path, Environment(""), "run", Repository.Seeds, "--out", _dir.Combine("out"));

        Assert.Equal(0, code);
        Assert.Contains("emails", output);
        Assert.DoesNotContain('\x1b', output);
    }

    private static Dictionary<string, string> Environment(string setting)
    {
        // The child must not inherit a storage or settings from the test host.
        var environment = new Dictionary<string, string> { ["AzureWebJobsStorage"] = "", ["TERM"] = "xterm-256color" };
        if (setting.Length > 0)
        {
            var split = setting.IndexOf('=', StringComparison.Ordinal);
            environment[setting[..split]] = setting[(split + 1)..];
        }

        return environment;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
