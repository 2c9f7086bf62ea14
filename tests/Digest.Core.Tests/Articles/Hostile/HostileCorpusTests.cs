using Digest.Core.Articles;
using Digest.Testing;

namespace Digest.Core.Tests.Articles.Hostile;

/// <summary>
/// Issue 12, acceptance 2: every input of the generated <see cref="HostileCorpus"/> is parsed or rejected with a reason,
/// within the deterministic work bound (issue 19: steps, not time, so no input reaches the wall-clock backstop) and
/// bounded memory, without the last-resort "parser-failed" net, and no header-bound field (title, outlet, byline) keeps
/// a line break or another control character. No time is asserted here (a unit test on a shared machine).
/// </summary>
public sealed class HostileCorpusTests
{
    /// <summary>Allocation per input: generous (decoding, normalising and parse trees of a 10 MiB input), but bounded.</summary>
    private const long MaxAllocatedBytes = 1L << 30;

    [Fact]
    public void Parse_EveryHostileInput_ParsedOrRejectedWithReasonWithinTheWorkBoundAndBoundedMemory()
    {
        var parser = new ArticleParser();
        var problems = new List<string>();
        foreach (var input in HostileCorpus.Generate(parser.MaxArticleBytes))
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = parser.Parse(input.Bytes, input.Name);
            problems.AddRange(Check(input, result, parser.MaxSteps, GC.GetAllocatedBytesForCurrentThread() - before));
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Generate_CoversEveryCategoryWithDistinctNames()
    {
        var names = HostileCorpus.Generate().Select(i => i.Name).ToArray();

        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        foreach (var prefix in (string[])["enc-", "nest-", "size-", "archive-", "bomb-", "html-", "links-", "bidi-", "header-injection", "bin-"])
        {
            Assert.Contains(names, n => n.StartsWith(prefix, StringComparison.Ordinal));
        }
    }

    private static IEnumerable<string> Check(HostileInput input, ArticleParseResult result, long maxSteps, long allocated)
    {
        if (result.Diagnostics.Any(d => d.Code == "too-slow") || result.Steps > maxSteps)
        {
            yield return $"{input}: not stopped by the work bound ({result.Steps:N0} steps)";
        }

        if (allocated > MaxAllocatedBytes)
        {
            yield return $"{input}: allocated {allocated:N0} bytes";
        }

        if (result.Diagnostics.FirstOrDefault(d => d.Code == "parser-failed") is { } failed)
        {
            yield return $"{input}: {failed.Message}";
        }

        if (result.Article is not { } article)
        {
            if (string.IsNullOrWhiteSpace(result.RejectionReason) || result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error) != 1)
            {
                yield return $"{input}: rejected without exactly one reason";
            }

            yield break;
        }

        foreach (var (field, value) in new (string, string?)[] { ("title", article.Title), ("outlet", article.Outlet), ("byline", article.Byline) })
        {
            if (value is not null && value.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u202E'))
            {
                yield return $"{input}: the {field} keeps a control character: {value}";
            }
        }

        if (article.Url is { } url && url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            yield return $"{input}: the url is {url.Scheme}:";
        }
    }
}
