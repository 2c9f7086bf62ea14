using System.Text;
using Digest.Core.Articles;

namespace Digest.Core.Tests.Articles.Hostile;

/// <summary>
/// Issue 19, item 13 and acceptance 3: the parse bound is a count of work (steps weighted by depth), not a time, so
/// the same input gives the same outcome on an idle and on a busy machine; a wall-clock backstop (60 s) only catches
/// hangs. No time is asserted: the load test compares outcomes.
/// </summary>
public sealed class ParseWorkBoundTests
{
    private const string Story = "The harbour bridge reopened on Tuesday after two years of repairs, the city council said in a statement.";

    /// <summary>A 9.9 MB plain-text article: under the 10 MiB limit, so it must parse, on any machine.</summary>
    private static byte[] LargeArticle()
    {
        var text = new StringBuilder("Harbour Bridge Reopens After Repairs\n\n");
        while (text.Length < 9_900_000)
        {
            text.Append(Story).Append("\n\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] TwentyThousandParagraphs()
    {
        var html = new StringBuilder("<html><head><title>Harbour Bridge Reopens</title></head><body><article><h1>Harbour Bridge Reopens</h1>");
        for (var i = 0; i < 20_000; i++)
        {
            html.Append("<p>").Append(Story).Append(" Paragraph ").Append(i).Append(".</p>\n");
        }

        return Encoding.UTF8.GetBytes(html.Append("</article></body></html>").ToString());
    }

    public static TheoryData<string> Inputs => ["9.9MB.txt", "20000-paragraphs.html"];

    private static byte[] Input(string name) => name.EndsWith(".html", StringComparison.Ordinal) ? TwentyThousandParagraphs() : LargeArticle();

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Parse_LargeValidInput_SameOutcomeIdleAndWithEveryCoreBusy(string name)
    {
        var bytes = Input(name);
        var parser = new ArticleParser();

        var idle = parser.Parse(bytes, name);
        ArticleParseResult busy;
        using (new BusyCores())
        {
            busy = parser.Parse(bytes, name);
        }

        Assert.True(idle.Succeeded, idle.RejectionReason);
        Assert.True(busy.Succeeded, busy.RejectionReason);
        Assert.Equal(idle.Article!.Id, busy.Article!.Id);
        Assert.Equal(idle.Steps, busy.Steps);
        Assert.InRange(idle.Steps, 1, parser.MaxSteps / 10);
    }

    [Fact]
    public void Parse_ParagraphOfHundredsOfThousandsOfEmphasisMarkers_RejectedTooComplexBeforeMarkdigRuns()
    {
        var markdown = "# Title\n\n" + string.Concat(Enumerable.Repeat("*a _b ", 200_000));
        var parser = new ArticleParser();

        var first = parser.Parse(Encoding.UTF8.GetBytes(markdown), "story.md");
        var second = parser.Parse(Encoding.UTF8.GetBytes(markdown), "story.md");

        Assert.Equal("too-complex", first.ErrorCode());
        Assert.Contains("20,000,000 steps", first.RejectionReason, StringComparison.Ordinal);
        Assert.Equal(first.Steps, second.Steps);
    }

    [Fact]
    public void Parse_RealParagraphsWithMarkup_CostAFewDozenStepsEach()
    {
        var paragraph = "The council **approved** the [new budget](https://example.com/b) on *Tuesday*, with ~~two~~ three votes against.\n\n";
        var markdown = "# Council Passes Budget\n\n" + string.Concat(Enumerable.Repeat(paragraph, 10_000));

        var result = new ArticleParser().Parse(Encoding.UTF8.GetBytes(markdown), "story.md");

        Assert.True(result.Succeeded, result.RejectionReason);
        Assert.InRange(result.Steps, 10_000, 50 * 10_000);
    }

    [Fact]
    public void Parse_StepBoundSmallerThanTheInputNeeds_RejectedTooComplexWhateverTheClock()
    {
        var bytes = TwentyThousandParagraphs();
        var needed = new ArticleParser().Parse(bytes, "page.html").Steps;

        var under = new ArticleParser(10 * 1024 * 1024, maxSteps: needed - 1).Parse(bytes, "page.html");
        var exact = new ArticleParser(10 * 1024 * 1024, maxSteps: needed).Parse(bytes, "page.html");

        Assert.Equal("too-complex", under.ErrorCode());
        Assert.True(exact.Succeeded, exact.RejectionReason);
    }

    /// <summary>Keeps every core busy (spinning threads) until disposed.</summary>
    private sealed class BusyCores : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread[] _threads;

        public BusyCores()
        {
            _threads = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Thread(Spin) { IsBackground = true }).ToArray();
            foreach (var thread in _threads)
            {
                thread.Start();
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            foreach (var thread in _threads)
            {
                thread.Join();
            }

            _stop.Dispose();
        }

        private void Spin()
        {
            var x = 0UL;
            while (!_stop.IsCancellationRequested)
            {
                x = (x * 6364136223846793005UL) + 1442695040888963407UL;
            }

            GC.KeepAlive(x);
        }
    }
}
