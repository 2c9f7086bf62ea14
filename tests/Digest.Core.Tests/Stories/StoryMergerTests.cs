using Digest.Core.Stories.Merging;
using Digest.Core.Stories.Text;

namespace Digest.Core.Tests.Stories;

public sealed class StoryMergerTests
{
    [Fact]
    public void Merge_TwoSources_AdditionsHoldOnlyFactsTheOtherLacks()
    {
        var a = StoryFixtures.BeijingVisit();
        var b = StoryFixtures.BeijingVisitOther();

        var merged = StoryMerger.Merge([a, b]);

        Assert.Equal(2, merged.Additions.Count);
        var fromB = merged.Additions[1];
        Assert.NotEmpty(fromB);
        Assert.True(fromB.Count <= 2);
        Assert.Contains(fromB, s => s.StartsWith("\"This visit shows", StringComparison.Ordinal));
        foreach (var sentence in merged.Additions.SelectMany(x => x))
        {
            var owner = merged.Additions[0].Contains(sentence) ? a : b;
            var other = owner == a ? b : a;
            var otherWords = Tokenizer.Tokenize(other.Title + " " + other.BodyText).Select(t => t.Lower).ToHashSet();
            Assert.Contains(Tokenizer.Tokenize(sentence), t => (t.IsNumber || (t.Capitalized && !t.SentenceStart)) && !otherWords.Contains(t.Lower));
        }

        Assert.Empty(merged.Additions.SelectMany(x => x).Intersect(merged.Summary));
    }

    [Fact]
    public void Merge_TwoSources_SummaryTwoToFourSentencesNoNearDuplicates()
    {
        var merged = StoryMerger.Merge([StoryFixtures.BeijingVisit(), StoryFixtures.BeijingVisitOther(), StoryFixtures.ParadeNextDay(StoryFixtures.Day)]);

        Assert.InRange(merged.Summary.Count, 2, 4);
        var bags = merged.Summary.Select(TextBag.Of).ToList();
        for (var i = 0; i < bags.Count; i++)
        {
            for (var j = i + 1; j < bags.Count; j++)
            {
                Assert.True(bags[i].Cosine(bags[j].Stems) < 0.5f, $"near-duplicates: '{merged.Summary[i]}' / '{merged.Summary[j]}'");
            }
        }
    }

    [Fact]
    public void Merge_Headline_IsOneOfTheTitles()
    {
        var articles = new[] { StoryFixtures.BeijingVisit(), StoryFixtures.BeijingVisitOther(), StoryFixtures.ParadeNextDay(StoryFixtures.Day) };

        var merged = StoryMerger.Merge(articles);

        Assert.Contains(merged.Headline, articles.Select(a => a.Title));
    }

    [Fact]
    public void Merge_SingleSource_NoAdditionsAndLeadSummary()
    {
        var merged = StoryMerger.Merge([StoryFixtures.MissileTest()]);

        Assert.Equal(StoryFixtures.MissileTest().Title, merged.Headline);
        Assert.Empty(Assert.Single(merged.Additions));
        Assert.InRange(merged.Summary.Count, 2, 3);
    }
}
