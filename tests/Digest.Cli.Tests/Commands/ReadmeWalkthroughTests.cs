using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Digest.Cli.Tests.Dev;
using Digest.Testing;

namespace Digest.Cli.Tests.Commands;

/// <summary>
/// The README's Azurite walkthrough, read from README.md and run as ONE bash script (as pasted into a fresh shell) in a
/// folder laid out like a clone (seeds/ and tools/package*.json copied, no node_modules): the script itself installs
/// Azurite with `npm ci`, starts it, waits for its ports, and runs the digest commands; it delivers one email per
/// imported subscriber, and the late subscriber's `digest send` reaches that subscriber only. Two kinds of
/// substitution, both forced by the test command: free ports for Azurite's 10000-10002 (other test runs share the
/// machine) and the built digest.dll for `dotnet run --project src/Digest.Cli --`. The script runs with `set -e`, so a
/// step that fails (a command run before Azurite listens) fails the test.
/// </summary>
public sealed partial class ReadmeWalkthroughTests : IDisposable
{
    private const string DigestCommand = "dotnet run --project src/Digest.Cli --";

    // The well-known Azurite development key (public, documented; not a secret).
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [AzuriteFact]
    public async Task Readme_AzuriteWalkthrough_RunAsOneScript_OneEmailPerSubscriberThenOnlyTheLateOne()
    {
        CopyDirectory(Path.Combine(Repository.Root, "seeds"), _dir.Combine("seeds"));
        Directory.CreateDirectory(_dir.Combine("tools"));
        File.Copy(Path.Combine(Repository.Root, "tools", "package.json"), _dir.Combine("tools", "package.json"));
        File.Copy(Path.Combine(Repository.Root, "tools", "package-lock.json"), _dir.Combine("tools", "package-lock.json"));

        var (blob, queue, table) = (LocalPorts.Free(), LocalPorts.Free(), LocalPorts.Free());
        var script = WalkthroughBlock();
        script = ReplaceOnce(script, DigestCommand, $"dotnet '{Path.Combine(AppContext.BaseDirectory, "digest.dll")}'", many: true);
        script = ReplaceOnce(script, "--location .azurite", $"--location .azurite --blobPort {blob} --queuePort {queue} --tablePort {table}");
        script = ReplaceOnce(script, "127.0.0.1/10000", $"127.0.0.1/{blob}");
        script = ReplaceOnce(script, "127.0.0.1/10001", $"127.0.0.1/{queue}");
        script = ReplaceOnce(script, "AzureWebJobsStorage=UseDevelopmentStorage=true",
            $"AzureWebJobsStorage='DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;'");

        // The background Azurite is stopped when the script ends, whatever happened.
        await File.WriteAllTextAsync(_dir.Combine("walkthrough.sh"), "set -euo pipefail\ntrap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n" + script);
        var (code, output) = await RunBashAsync(_dir.Combine("walkthrough.sh"));
        Assert.True(code == 0, $"the README walkthrough exited {code}:\n{output}");

        var imported = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.Combine("seeds", "subscribers.json"))).RootElement.EnumerateArray()
            .Count(s => !s.TryGetProperty("status", out var status) || status.GetString() != "unsubscribed");
        var first = Directory.GetFiles(_dir.Combine("out", "outbox"), "*.eml");
        Assert.True(imported == first.Length, $"{first.Length} emails for {imported} subscribers:\n{output}");
        var late = Assert.Single(Directory.GetFiles(_dir.Combine("out", "late"), "*.eml"));
        Assert.Matches("(?m)^To: .*late@example.com", await File.ReadAllTextAsync(late));
        Assert.DoesNotContain(first, f => File.ReadAllText(f).Contains("late@example.com", StringComparison.Ordinal));
    }

    /// <summary>The first bash block under "## Local runs against Azurite", as written.</summary>
    private static string WalkthroughBlock()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var section = readme[readme.IndexOf("## Local runs against Azurite", StringComparison.Ordinal)..];
        var block = BashBlock().Match(section);
        Assert.True(block.Success, "README: no bash block under \"## Local runs against Azurite\"");
        Assert.Contains("npm ci --prefix tools", block.Groups[1].Value, StringComparison.Ordinal);
        return block.Groups[1].Value;
    }

    private static string ReplaceOnce(string script, string what, string with, bool many = false)
    {
        var count = (script.Length - script.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
        Assert.True(many ? count > 0 : count == 1, $"README walkthrough: expected {(many ? "some" : "one")} '{what}', found {count}");
        return script.Replace(what, with, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunBashAsync(string script)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Path.GetDirectoryName(script)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.Environment.Remove("AzureWebJobsStorage");
        // The block's `npm ci` takes the packages from npm's cache, which test.sh's own `npm ci` of the same lock file
        // filled, without asking the registry again (the install into the fresh folder still runs, as written).
        start.Environment["npm_config_prefer_offline"] = "true";
        start.Environment["npm_config_audit"] = "false";
        start.Environment["npm_config_fund"] = "false";
        start.Environment["npm_config_update_notifier"] = "false";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        void Line(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        }

        process.OutputDataReceived += Line;
        process.ErrorDataReceived += Line;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the README walkthrough did not finish within 6 minutes:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

}
