using Digest.Lab.Evaluation;

namespace Digest.Lab.Tests.Evaluation;

/// <summary>The independent checker of `digest-lab eval --stories` (not the merger's rules).</summary>
public sealed class StoriesEvalTests
{
    [Theory]
    [InlineData("Meanwhile, the Senate voted.", "", true)]
    [InlineData("He will join 26 other heads of state.", "", true)]
    [InlineData("\u201CI\u2019m not going to pay,\u201D Fox said.", "", true)]
    [InlineData("A summit \u201Cwas being considered.", "", true)]
    [InlineData("This visit is his first since 2019.", "Kim arrived for a visit.", false)]
    [InlineData("This visit is his first since 2019.", "Kim arrived on Tuesday.", true)]
    [InlineData("Kim Jong Un arrived in Beijing on Tuesday.", "", false)]
    public void Dangling(string sentence, string before, bool expected) =>
        Assert.Equal(expected, StoriesEval.Dangling(sentence, before.Length == 0 ? [] : [before]));

    [Theory]
    [InlineData("Will Kim attend?", true)]
    [InlineData("Kim arrives!", true)]
    [InlineData("GOP Senators Keep Pressure on Steele Over 'Inaccurate' Comments", true)]
    [InlineData("Obama: \u201CWe will win\u201D", true)]
    [InlineData("China's parade draws Kim to Beijing", false)]
    public void QuestionExclamationOrQuote(string headline, bool expected) =>
        Assert.Equal(expected, StoriesEval.QuestionExclamationOrQuote(headline));
}
