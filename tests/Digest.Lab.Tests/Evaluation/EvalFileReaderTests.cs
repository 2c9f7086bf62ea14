using Digest.Lab.Evaluation;
using Digest.Testing;

namespace Digest.Lab.Tests.Evaluation;

public sealed class EvalFileReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ReadAsync_GoodLines_ArticlesWithDatesAndParagraphs()
    {
        var path = _dir.Combine("set.jsonl");
        await File.WriteAllLinesAsync(path, [
            """{"id":"x1","title":"Bridge closed","text":"First para.\n\nSecond para.","date":"2020-03-04","source":"nyt","cluster":"c1"}""",
            """{"id":"x2","title":"Bridge reopens","text":"Only para.","date":null,"source":null,"cluster":"c1"}""",
        ]);

        var file = await EvalFileReader.ReadAsync(path);

        Assert.Empty(file.Errors);
        Assert.Equal(["c1", "c1"], file.Clusters);
        Assert.Equal(["First para.", "Second para."], file.Articles[0].Paragraphs);
        Assert.Equal(new DateTimeOffset(2020, 3, 4, 0, 0, 0, TimeSpan.Zero), file.Articles[0].Published);
        Assert.Null(file.Articles[1].Published);
        Assert.Null(file.Articles[1].Outlet);
    }

    [Fact]
    public async Task ReadAsync_BadLines_ReportedWithLineNumbers()
    {
        var path = _dir.Combine("bad.jsonl");
        await File.WriteAllLinesAsync(path, [
            "{not json",
            """{"title":"t","text":"x","cluster":"c"}""",
            """{"id":"a","title":"t","text":"x","date":"04/03/2020","cluster":"c"}""",
            """{"id":"b","title":"t","text":"x"}""",
            """{"id":"c","title":"t","text":"x","cluster":"c"}""",
            """{"id":"c","title":"t","text":"x","cluster":"c"}""",
        ]);

        var file = await EvalFileReader.ReadAsync(path);

        Assert.Single(file.Articles);
        Assert.Collection(
            file.Errors,
            e => Assert.StartsWith("line 1: not valid JSON", e),
            e => Assert.Equal("line 2: missing \"id\"", e),
            e => Assert.Equal("line 3: bad date '04/03/2020' (want an ISO 8601 date or date-time)", e),
            e => Assert.Equal("line 4: missing \"cluster\"", e),
            e => Assert.Equal("line 6: duplicate id 'c'", e));
    }

    [Theory]
    [InlineData("2014-03-10", "2014-03-10T00:00:00+00:00")]
    [InlineData("2014-03-10T21:15:00Z", "2014-03-10T21:15:00+00:00")]
    [InlineData("2014-03-10T23:15:00+02:00", "2014-03-10T21:15:00+00:00")]
    [InlineData("2014-03-10T21:15:00", "2014-03-10T21:15:00+00:00")]
    [InlineData("2014-03-10T21:15:00.250-05:00", "2014-03-11T02:15:00.25+00:00")]
    public void ParseDate_IsoDatesAndDateTimes_UtcInstant(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), EvalFileReader.ParseDate(text));
    }

    [Theory]
    [InlineData("04/03/2020")]
    [InlineData("2014-03-10 garbage")]
    [InlineData("March 10, 2014")]
    public void ParseDate_NotIso_Null(string text)
    {
        Assert.Null(EvalFileReader.ParseDate(text));
    }

    [Fact]
    public async Task ReadAsync_MoreThanTenBadLines_StopsReadingAfterTheTenth()
    {
        var path = _dir.Combine("subscribers.csv");
        var good = """{"id":"late","title":"t","text":"x","cluster":"c"}""";
        await File.WriteAllLinesAsync(path, [.. Enumerable.Range(1, 10).Select(i => $"reader{i}@example.com,Reader {i}"), good, .. Enumerable.Range(1, 500).Select(_ => "x,y")]);

        var file = await EvalFileReader.ReadAsync(path);

        Assert.Equal(EvalFileReader.MaxBadLines, file.Errors.Count);
        Assert.Equal(10, file.StoppedAtLine);
        Assert.Empty(file.Articles); // line 11 was never read
    }

    [Fact]
    public async Task ReadAsync_TenBadLinesAtTheEnd_ReadsToTheEnd()
    {
        var path = _dir.Combine("set.jsonl");
        await File.WriteAllLinesAsync(path, ["""{"id":"a","title":"t","text":"x","cluster":"c"}""", .. Enumerable.Range(1, 10).Select(_ => "x,y")]);

        var file = await EvalFileReader.ReadAsync(path);

        Assert.Equal(10, file.Errors.Count);
        Assert.Null(file.StoppedAtLine);
        Assert.Single(file.Articles);
    }

    [Fact]
    public async Task ReadAsync_MissingFile_Error()
    {
        var file = await EvalFileReader.ReadAsync(_dir.Combine("nope.jsonl"));

        Assert.Single(file.Errors, e => e.StartsWith("file not found", StringComparison.Ordinal));
    }
}
