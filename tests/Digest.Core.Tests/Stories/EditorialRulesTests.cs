using Digest.Core.Stories.Merging;
using Digest.Core.Stories.Text;

namespace Digest.Core.Tests.Stories;

/// <summary>Issue 18: quotations whole and attributed, people introduced, no repeats. Fixture sentences written for these tests.</summary>
public sealed class EditorialRulesTests
{
    [Theory]
    [InlineData("\u201CThe mayor lied, and it ruined his career, and I think it's a shame,\u201D Baxter said, before again claiming that Ruiz \u201Clied many times.\u201D", 1)]
    [InlineData("\u201CWe are done. It is over,\u201D the coach said. The team left the stadium.", 2)]
    [InlineData("\u201CIt is over.\u201D The team left the stadium.", 2)]
    [InlineData("She said \"we won. We really won\" and then left. The crowd cheered.", 2)]
    [InlineData("The vote was 52 to 48. The bill now goes to the House.", 2)]
    [InlineData("One \u201Cunclosed quote. Then a new sentence starts here.", 2)] // unpairable: split as if no marks
    public void Split_NeverInsideAQuotation(string paragraph, int sentences) =>
        Assert.Equal(sentences, SentenceSplitter.Split(paragraph).Count);

    [Theory]
    [InlineData("He said \u201Cit was considered\u201D by aides.", true)]
    [InlineData("He said \"it was considered\" by aides.", true)]
    [InlineData("shame,\u201D Baxter said, before again claiming that Ruiz \u201Clied many times.", false)] // cut, closing first
    [InlineData("Ruiz \u201Clied many times,\u201D Baxter said \u201Cand he knows it.", false)] // left open
    [InlineData("A summit \u201Cwas being considered. \u201C", true)] // mis-turned closing mark, by position
    [InlineData("No quotes here.", true)]
    public void Pairable_ByPositionNotCount(string sentence, bool pairable) =>
        Assert.Equal(pairable, Quotes.Pairable(sentence));

    [Theory]
    [InlineData("Judge Okafor of the High Court has embarrassed all by making very dumb political statements about me.", false)] // a post, no speaker
    [InlineData("We will not back down on the budget.", false)]
    [InlineData("\u201CWe will not back down on the budget,\u201D Mayor Dana Ruiz said.", true)]
    [InlineData("\u201CThe budget is balanced and the books are open.\u201D", false)]
    [InlineData("The budget is balanced, according to the finance ministry.", true)]
    [InlineData("Critics called the plan a \u201Cgiveaway\u201D on Tuesday.", true)] // a scare quote is not a statement
    [InlineData("I will veto the bill, Governor Ana Lind told reporters.", true)]
    [InlineData("The council approved the budget on Tuesday.", true)]
    public void Attributed_QuotationsAndFirstPersonNeedTheirSpeaker(string sentence, bool attributed) =>
        Assert.Equal(attributed, Attribution.Attributed(sentence));

    private const string Article = "Former Arkansas Gov. Mike Hollis spoke on Monday. Jason Goelman, a lawyer, said the case was weak. Sen. Mark Warner met aides. Google said it would appeal.";

    [Theory]
    [InlineData("Mr. Hollis used his television and radio programs to raise money.", "", "Mike Hollis used his television and radio programs to raise money.")]
    [InlineData("Goelman said the charges would be dropped.", "", "Jason Goelman said the charges would be dropped.")]
    [InlineData("Warner told reporters the vote would wait.", "", "Mark Warner told reporters the vote would wait.")]
    [InlineData("Mr. Hollis used his programs to raise money.", "Mike Hollis spoke on Monday.", "Mr. Hollis used his programs to raise money.")] // introduced already
    [InlineData("Goelman said the charges would be dropped.", "Lawyer Jason Goelman filed a motion.", "Goelman said the charges would be dropped.")]
    [InlineData("Mr. Sheridan is representing the campaign.", "", null)] // no full name in the article: not shown
    [InlineData("Google said it would appeal the ruling.", "", "Google said it would appeal the ruling.")] // no first name: not a person
    [InlineData("Royce said the bill was dead.", "", "Royce said the bill was dead.")] // never named with a first name: left alone
    public void Resolve_SecondReferencesIntroducedOrRewritten(string sentence, string before, string? expected) =>
        Assert.Equal(expected, Introductions.Resolve(sentence, before.Length == 0 ? [] : [before], Article));

    private const string OtherSource = "Lena Verhoek, the national coach, said the squad was ready. Google said it would appeal.";

    [Theory]
    [InlineData("Verhoek said the squad would fly on Friday.", null)] // another source names the person: this one never introduces her
    [InlineData("Google said it would appeal the ruling.", "Google said it would appeal the ruling.")] // no first name anywhere: not a person
    [InlineData("Goelman said the charges would be dropped.", "Jason Goelman said the charges would be dropped.")] // this article introduces him
    public void Resolve_LoneSpeakerNamedOnlyByAnotherSource_NotShown(string sentence, string? expected) =>
        Assert.Equal(expected, Introductions.Resolve(sentence, [], Article, Article + "\n\n" + OtherSource));

    [Theory]
    [InlineData("Sen. Mark Warner met aides.", "Warner", "Mark Warner")]
    [InlineData("President Lind spoke.", "Lind", "President Lind")]
    [InlineData("Donald J. Baxter spoke.", "Baxter", "Donald J. Baxter")]
    [InlineData("Mr. Baxter spoke.", "Baxter", null)]
    [InlineData("Patrol Officer Dana Okonjo said the road was closed.", "Okonjo", "Dana Okonjo")] // a role word before the first name
    [InlineData("Former Director Vice Baxter spoke.", "Baxter", null)] // two role words: no first name
    [InlineData("Offers Wall Funding\nPresident Baxter spoke.", "Baxter", "President Baxter")] // a title line break is not a first name
    [InlineData("Critics of Funding President Baxter spoke.", "Baxter", "President Baxter")]
    [InlineData("The Baxter family spoke.", "Baxter", null)]
    public void FullNameOf_FirstNameElseTitle(string text, string surname, string? expected) =>
        Assert.Equal(expected, Introductions.FullNameOf(surname, text));

    [Theory]
    [InlineData("Larry Sommer said the tax deal would help growth next year.", "Larry Sommer said the tax deal would help growth.", true)]
    [InlineData("The council approved the budget on Tuesday.", "Rain is expected across the region this weekend.", false)]
    public void WordJaccard_NearDuplicatesAtHalf(string a, string b, bool duplicate) =>
        Assert.Equal(duplicate, TextBag.Of(a).WordJaccard(TextBag.Of(b)) >= SummaryWriter.DuplicateJaccard);

    [Theory]
    [InlineData("Durbin would not detail what those changes are.", true)]
    [InlineData("No one represented that Democratic angst more than the senator.", true)]
    [InlineData("Aides to the speaker were also in attendance.", true)]
    [InlineData("The ministry counted 4,200 new cases in Lagos on Monday.", false)]
    public void LeansOnContext_AdditionsStandAlone(string sentence, bool leans) =>
        Assert.Equal(leans, AdditionPicker.LeansOnContext(sentence));
}
