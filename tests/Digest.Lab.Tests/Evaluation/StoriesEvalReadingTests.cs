using Digest.Core.Articles;
using Digest.Lab.Evaluation;

namespace Digest.Lab.Tests.Evaluation;

/// <summary>
/// `eval --stories` writes stories from what the product would store: the eval file's text goes through the product's
/// parser. It used to strip datelines with its own copy of the rule, paragraph by blank line, so a dateline on a line
/// of its own ("MIAMI (WSVN) --") reached the summaries it measured.
/// </summary>
public sealed class StoriesEvalReadingTests
{
    [Fact]
    public void AsParsed_DatelineOnItsOwnLine_ReadAsTheParserReadsIt()
    {
        var read = Article("Third suspect arrested in shooting", "MIAMI (WSVN) --\nPolice have made a third arrest in the shooting death of a 6-year-old boy.\nThe suspect is 16 years old, officials said.");

        var parsed = StoriesEval.AsParsed(read);

        Assert.Equal(["Police have made a third arrest in the shooting death of a 6-year-old boy.", "The suspect is 16 years old, officials said."], parsed.Paragraphs);
        Assert.Equal(read.Id, parsed.Id);
        Assert.Equal(read.Published, parsed.Published);
    }

    [Fact]
    public void AsParsed_PlaceDatelineKeptForGroupingAsTheParserKeepsIt()
    {
        var parsed = StoriesEval.AsParsed(Article("Council passes budget", "WASHINGTON — The council approved the budget on Tuesday."));

        Assert.Equal("The council approved the budget on Tuesday.", parsed.BodyText);
        Assert.Equal("WASHINGTON —", parsed.Dateline);
    }

    private static Article Article(string title, string text) => new(
        "eval/1",
        title,
        "Outlet",
        null,
        null,
        new DateTimeOffset(2016, 6, 1, 12, 0, 0, TimeSpan.Zero),
        [new ArticleSection(null, [text])],
        [],
        "en",
        "hash",
        "eval.jsonl:1",
        ArticleFormat.Json);
}
