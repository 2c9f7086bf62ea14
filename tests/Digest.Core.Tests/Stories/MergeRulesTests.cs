using Digest.Core.Stories.Merging;

namespace Digest.Core.Tests.Stories;

public sealed class MergeRulesTests
{
    [Theory]
    [InlineData("Meanwhile, the Senate voted on the bill.", true)]
    [InlineData("But their efforts failed to sway the committee.", true)]
    [InlineData("However, Beijing is highlighting its regional influence.", true)]
    [InlineData("In the next shot, the senator is seen walking away.", true)]
    [InlineData("That tracks with what aides said last week.", true)]
    [InlineData("He will join 26 other heads of state.", true)]
    [InlineData("It is also the first trilateral appearance by the three leaders.", true)]
    [InlineData("“I’m not going to pay for that wall,” Fox told reporters.", true)]
    [InlineData("“We have work to do.”", true)]
    [InlineData("The parade will be reviewed, he said.", true)]
    [InlineData("Kremlin adviser Yuri Ushakov said a summit “was being considered.", true)]
    [InlineData("The latter reportedly avoided air travel entirely.", true)]
    [InlineData("North Korean leader Kim Jong Un arrived in Beijing on Tuesday.", false)]
    [InlineData("Though no summit was announced, officials met in Beijing.", false)]
    [InlineData("The parade, scheduled for Wednesday, will feature Xi Jinping.", false)]
    [InlineData("“This is a historic day,” President Xi Jinping said.", true)]
    [InlineData("“The parade is historic,” President Xi Jinping said.", false)]
    [InlineData("There were 26 heads of state at the parade.", false)]
    public void NeedsContext_Openers(string sentence, bool dangling) =>
        Assert.Equal(dangling, ContextRules.NeedsContext(sentence));

    [Theory]
    [InlineData("This visit is his first abroad since 2019.", "Kim Jong Un arrived in Beijing for a visit.", false)]
    [InlineData("This visit is his first abroad since 2019.", "Kim Jong Un arrived in Beijing on Tuesday.", true)]
    [InlineData("These troops will march past Tiananmen Square.", "The parade will feature thousands of troops.", false)]
    [InlineData("That is a record.", "The parade will feature thousands of troops.", true)]
    public void NeedsContext_DemonstrativeResolvedOnlyByTheSummary(string sentence, string before, bool dangling) =>
        Assert.Equal(dangling, ContextRules.NeedsContext(sentence, [before]));

    [Theory]
    [InlineData("He said \"it was being considered\" by aides.", "He said \u201Cit was being considered\u201D by aides.")]
    [InlineData("A summit \u201Cwas being considered. \u201C", "A summit \u201Cwas being considered. \u201D")]
    [InlineData("No quotes here.", "No quotes here.")]
    [InlineData("One \u201Copen quote only.", "One \u201Copen quote only.")]
    public void Normalize_BalancedQuotesBecomeCurlyPairs(string input, string expected) =>
        Assert.Equal(expected, Quotes.Normalize(input));

    [Theory]
    [InlineData("Kim Jong Un arrives in Beijing for Victory Day parade", 0)]
    [InlineData("Will Kim Jong Un attend the parade?", 1)]
    [InlineData("Kim arrives in Beijing!", 1)]
    [InlineData("Kim: \u201CWe stand with China\u201D", 1)]
    [InlineData("GOP Senators Keep Pressure on Steele Over 'Inaccurate' Afghanistan Comments", 1)]
    [InlineData("Bob Etheridge Attacks Student", 1)]
    [InlineData("Senator Slams Budget Plan", 1)]
    [InlineData("Opinion: the parade shows China's strength", 1)]
    [InlineData("China's parade shows its strength", 0)]
    [InlineData("Kim Jong Un arrives in Beijing by armoured train to join Xi Jinping and Vladimir Putin ahead of a parade", 1)]
    public void HeadlineFaults(string title, int faults) =>
        Assert.Equal(faults, HeadlineRules.Faults(title));

    [Theory]
    [InlineData("We should all be worried about what this means.", true)]
    [InlineData("The plan is clearly a disaster for the state.", true)]
    [InlineData("Is this the end of the road for the senator?", true)]
    [InlineData("\u201CWe must act now,\u201D Senator Jane Roe said on Monday.", false)]
    [InlineData("The US Senate passed the bill 52 to 48 on Tuesday.", false)]
    public void AdditionOpinion(string sentence, bool opinion) =>
        Assert.Equal(opinion, AdditionPicker.IsOpinion(sentence));
}
