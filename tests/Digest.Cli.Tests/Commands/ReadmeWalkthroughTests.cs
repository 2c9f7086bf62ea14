using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Digest.Cli.Tests.Dev;
using Digest.Testing;

namespace Digest.Cli.Tests.Commands;

/// <summary>
/// Issue 13, acceptance 3: the README's Azurite walkthrough, read from README.md and run line by line as processes in a
/// folder laid out like a clone (seeds/ copied), delivers one email per imported subscriber, and the late subscriber's
/// `digest send` reaches that subscriber only. Two substitutions, both forced by the test command: the Azurite that
/// ./test.sh started (on free ports) stands for the README's `UseDevelopmentStorage=true` Azurite, and the built
/// digest.dll for `dotnet run --project src/Digest.Cli --`. Any other kind of line fails the test, so the README
/// cannot grow a step this test does not run.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ReadmeWalkthroughTests : IDisposable
{
    private const string DigestCommand = "dotnet run --project src/Digest.Cli -- ";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [AzuriteFact]
    public async Task Readme_AzuriteWalkthrough_RunVerbatim_OneEmailPerSubscriberThenOnlyTheLateOne()
    {
        await AzuriteReset.ResetAsync();
        CopyDirectory(Path.Combine(Repository.Root, "seeds"), _dir.Combine("seeds"));
        var environment = new Dictionary<string, string> { ["AzureWebJobsStorage"] = "" };
        var ran = new List<string>();

        foreach (var line in WalkthroughLines())
        {
            if (line.Contains("/.bin/azurite", StringComparison.Ordinal))
            {
                continue; // ./test.sh has started Azurite
            }

            if (line.StartsWith("export AzureWebJobsStorage=", StringComparison.Ordinal))
            {
                Assert.Equal("export AzureWebJobsStorage=UseDevelopmentStorage=true", line);
                environment["AzureWebJobsStorage"] = TestServices.RequireStorage();
                continue;
            }

            Assert.True(line.StartsWith(DigestCommand, StringComparison.Ordinal), $"the walkthrough has a line this test does not know how to run: {line}");
            var args = Words(line[DigestCommand.Length..]);
            var (code, output) = await CliProcess.RunAsync(_dir.Path, environment, [.. args]);
            Assert.True(code == 0, $"{line}\nexited {code}:\n{output}");
            ran.Add(args[0] + (args.Count > 1 ? " " + args[1] : ""));
        }

        Assert.Equal(["subscribers import", "upload seeds/articles", "dev --now", "subscribers add", "send --outbox"], ran);
        var imported = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.Combine("seeds", "subscribers.json"))).RootElement.EnumerateArray()
            .Count(s => !s.TryGetProperty("status", out var status) || status.GetString() != "unsubscribed");
        var first = Directory.GetFiles(_dir.Combine("out", "outbox"), "*.eml");
        Assert.Equal(imported, first.Length);
        var late = Assert.Single(Directory.GetFiles(_dir.Combine("out", "late"), "*.eml"));
        Assert.Matches("(?m)^To: .*late@example.com", await File.ReadAllTextAsync(late));
        Assert.DoesNotContain(first, f => File.ReadAllText(f).Contains("late@example.com", StringComparison.Ordinal));
    }

    /// <summary>The lines of the first bash block under "## Local runs against Azurite", comments removed.</summary>
    private static List<string> WalkthroughLines()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var section = readme[readme.IndexOf("## Local runs against Azurite", StringComparison.Ordinal)..];
        var block = BashBlock().Match(section);
        Assert.True(block.Success, "README: no bash block under \"## Local runs against Azurite\"");
        return block.Groups[1].Value.Split('\n')
            .Select(l => Comment().Replace(l, string.Empty).Trim())
            .Where(l => l.Length > 0)
            .ToList();
    }

    /// <summary>Splits a command line as the shell would for these lines: spaces, and double quotes around a word.</summary>
    private static List<string> Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any || word.Length > 0)
                {
                    words.Add(word.ToString());
                }

                word.Clear();
                any = false;
            }
            else
            {
                word.Append(c);
            }
        }

        Assert.False(quoted, $"unbalanced quotes: {line}");
        if (any || word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
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

    // A shell comment: '#' after whitespace, outside the quoted words these lines have.
    [GeneratedRegex(@"(^|\s)#.*$")]
    private static partial Regex Comment();
}
