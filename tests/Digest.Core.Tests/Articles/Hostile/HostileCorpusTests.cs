using Digest.Core.Articles;
using Digest.Testing;

namespace Digest.Core.Tests.Articles.Hostile;

/// <summary>
/// Issue 12, acceptance 2: every input of the generated <see cref="HostileCorpus"/> is parsed or rejected with a reason,
/// in under 2 s and bounded memory, without the last-resort "parser-failed" net, and no header-bound field (title,
/// outlet, byline) keeps a line break or another control character. Times are the fastest of up to three attempts
/// (<see cref="Attempts"/>): the test shares two cores with other builds.
/// </summary>
public sealed class HostileCorpusTests
{
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(2);

    /// <summary>Allocation per input: generous (decoding, normalising and parse trees of a 10 MiB input), but bounded.</summary>
    private const long MaxAllocatedBytes = 1L << 30;

    [Fact]
    public void Parse_EveryHostileInput_ParsedOrRejectedWithReasonInBoundedTimeAndMemory()
    {
        var parser = new ArticleParser();
        var problems = new List<string>();
        var slowest = TimeSpan.Zero;
        foreach (var input in HostileCorpus.Generate(parser.MaxArticleBytes))
        {
            var ((result, bytes), elapsed) = Attempts.Timed(
                () =>
                {
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    var parsed = parser.Parse(input.Bytes, input.Name);
                    return (parsed, GC.GetAllocatedBytesForCurrentThread() - before);
                },
                PerInput);

            slowest = elapsed > slowest ? elapsed : slowest;
            problems.AddRange(Check(input, result, elapsed, bytes));
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems) + $"\n(slowest input: {slowest.TotalMilliseconds:F0} ms)");
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

    private static IEnumerable<string> Check(HostileInput input, ArticleParseResult result, TimeSpan elapsed, long allocated)
    {
        if (elapsed >= PerInput)
        {
            yield return $"{input}: took {elapsed.TotalMilliseconds:F0} ms";
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
