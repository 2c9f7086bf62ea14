using System.Text.Json;
using System.Text.RegularExpressions;
using Digest.Cli.Hosting;
using Digest.Cli.Run;
using Digest.Core.Articles;
using Digest.Core.Json;
using Digest.Testing;

namespace Digest.Cli.Tests.Run;

/// <summary>
/// Issue 12, acceptance 2: one `digest run` (in process) over a folder holding the whole generated
/// <see cref="HostileCorpus"/>, odd file names and links, beside the seed articles. The run finishes with a digest,
/// every input is parsed or listed in rejected.json with a reason, nothing is written outside the output folder, the
/// HTML digest carries no script, javascript: URL or event-handler attribute, and no email header is injected.
/// </summary>
public sealed partial class HostileCorpusRunTests : IDisposable
{
    private static readonly DateOnly Day = new(2025, 9, 2);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ExecuteAsync_HostileCorpusFolder_DigestWithEveryInputAccountedFor()
    {
        var inputs = _dir.Combine("inputs");
        Directory.CreateDirectory(inputs);
        foreach (var seed in Directory.GetFiles(Repository.Seeds))
        {
            File.Copy(seed, Path.Combine(inputs, Path.GetFileName(seed)));
        }

        foreach (var input in HostileCorpus.Generate())
        {
            await File.WriteAllBytesAsync(Path.Combine(inputs, input.Name), input.Bytes);
        }

        var story = "# Odd Name Story\n\nThe harbour bridge reopened on Tuesday after two years of repairs, the city said.\n"u8.ToArray();
        string[] oddNames = [new string('n', 252) + ".md", "new\nline.md", "-rf.md", "--help.md", "日本語 ✓ ünïcödé.md", "evil\u202Egnp.md", " spaced .md", "back\\slash.md", "tab\there.md", "carriage\rreturn.md"];
        foreach (var name in oddNames)
        {
            await File.WriteAllBytesAsync(Path.Combine(inputs, name), story);
        }

        Directory.CreateDirectory(_dir.Combine("outside"));
        await File.WriteAllTextAsync(_dir.Combine("outside", "leak.txt"), "Leaked Memo Published\n\nThe leaked memo was published on Tuesday by nobody at all.\n");
        File.CreateSymbolicLink(Path.Combine(inputs, "link-passwd.txt"), "/etc/passwd");
        File.CreateSymbolicLink(Path.Combine(inputs, "link-relative-escape.txt"), "../outside/leak.txt");
        File.CreateSymbolicLink(Path.Combine(inputs, "link-dangling.txt"), Path.Combine(inputs, "no-such-file"));
        File.CreateSymbolicLink(Path.Combine(inputs, "link-self.txt"), Path.Combine(inputs, "link-self.txt"));
        Directory.CreateSymbolicLink(Path.Combine(inputs, "link-folder-outside"), _dir.Combine("outside"));
        Directory.CreateSymbolicLink(Path.Combine(inputs, "link-loop"), inputs);
        File.CreateSymbolicLink(Path.Combine(inputs, "link-inside.md"), Path.Combine(inputs, "-rf.md"));
        var before = Snapshot();
        var entries = Directory.GetFileSystemEntries(inputs).Length - 2; // the two folder links yield no file of their own...
        entries += 1; // ...but the one leaving the folder is rejected as an entry

        var report = await new LocalRun(CliConfiguration.Build(new Dictionary<string, string?>()))
            .ExecuteAsync(
                new RunRequest([inputs], Repository.SeedSubscribers, _dir.Combine("out"), null, Day));

        // Every input accounted for: parsed, or rejected with a reason in rejected.json (and nothing else).
        var rejected = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(_dir.Combine("out", "rejected.json")), DigestJsonContext.Stored.IReadOnlyListRejection)!;
        var parsed = report.Parsed.Where(p => p.Kind == ParseOutcomeKind.Parsed).Select(p => p.BlobName).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(entries, report.Parsed.Count);
        Assert.Equal(report.Parsed.Count, parsed.Count + rejected.Count);
        Assert.All(rejected, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason), r.Source));
        Assert.Equal(
            report.Parsed.Where(p => p.Kind == ParseOutcomeKind.Quarantined).Select(p => p.BlobName).Order(StringComparer.Ordinal),
            rejected.Select(r => r.Source).Order(StringComparer.Ordinal));
        foreach (var link in (string[])["link-passwd.txt", "link-relative-escape.txt", "link-folder-outside"])
        {
            Assert.Contains("outside the input folder", Assert.Single(rejected, r => r.Source == link).Reason, StringComparison.Ordinal);
        }

        Assert.Contains(rejected, r => r.Source == "size-just-over.txt");
        Assert.Contains(rejected, r => r.Source == "link-dangling.txt");
        Assert.Contains(rejected, r => r.Source == "link-self.txt");

        // A digest, with nothing executable in its HTML.
        var html = await File.ReadAllTextAsync(_dir.Combine("out", "digest.html"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        // Article text may mention "javascript:" (escaped, as text); no attribute may hold such a URL.
        foreach (Match url in UrlAttribute().Matches(html))
        {
            var value = System.Net.WebUtility.HtmlDecode(url.Groups["value"].Value).Trim();
            Assert.Matches(SafeUrl(), value);
        }
        Assert.DoesNotMatch(EventHandlerAttribute(), html);
        Assert.DoesNotContain("root:x:0:0", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Leaked Memo", html, StringComparison.Ordinal);
        Assert.Contains("Odd Name Story", html, StringComparison.Ordinal);

        // No injected email header: every header line is "Name: value" or a folded continuation (MimeKit may fold a long value onto the next line), with CRLF only.
        var emails = Directory.GetFiles(_dir.Combine("out", "outbox"), "*.eml");
        Assert.NotEmpty(emails);
        foreach (var eml in emails.Select(File.ReadAllText))
        {
            var head = eml[..eml.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
            Assert.DoesNotContain('\n', head.Replace("\r\n", string.Empty, StringComparison.Ordinal));
            Assert.DoesNotContain('\r', head.Replace("\r\n", string.Empty, StringComparison.Ordinal));
            foreach (var line in head.Split("\r\n"))
            {
                Assert.Matches(HeaderLine(), line);
            }

            Assert.DoesNotMatch(InjectedHeader(), head);
        }

        // Nothing written outside the output folder (the inputs and the outside folder are unchanged).
        Assert.Equal(before, Snapshot());
    }

    private string[] Snapshot() =>
        Directory.EnumerateFileSystemEntries(_dir.Path, "*", new EnumerationOptions { RecurseSubdirectories = false })
            .Concat(Directory.EnumerateFileSystemEntries(_dir.Combine("inputs")))
            .Concat(Directory.EnumerateFileSystemEntries(_dir.Combine("outside")))
            .Where(e => Path.GetFileName(e) != "out")
            .Select(e => e + ":" + (File.Exists(e) && new FileInfo(e).LinkTarget is null ? new FileInfo(e).Length : -1))
            .Order(StringComparer.Ordinal)
            .ToArray();

    [GeneratedRegex(@"<[^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex(@"\s(?:href|src|action|formaction|xlink:href|srcdoc|background|poster)\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s>]*))", RegexOptions.IgnoreCase)]
    private static partial Regex UrlAttribute();

    [GeneratedRegex(@"^(https?://|mailto:|#|$)", RegexOptions.IgnoreCase)]
    private static partial Regex SafeUrl();

    [GeneratedRegex(@"^([A-Za-z0-9-]+:( |$)|[ \t])")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^(Bcc|X-Evil|X-Injected|To: victim)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex InjectedHeader();
}
