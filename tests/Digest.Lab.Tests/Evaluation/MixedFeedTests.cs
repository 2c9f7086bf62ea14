using Digest.Core.Articles;
using Digest.Lab.Evaluation;

namespace Digest.Lab.Tests.Evaluation;

public sealed class MixedFeedTests
{
    private static readonly Article[] Articles = [.. Enumerable.Range(0, 200).Select(Make)];

    private static Article Make(int i) =>
        new($"id-{i}", $"Headline {i}", "Outlet", null, null, null, [new ArticleSection(null, [$"Body of article {i}."])], [], "en", $"hash-{i}", $"{i}.txt", ArticleFormat.PlainText)
        {
            Embedding = new ArticleEmbedding("hand-set", [1f, 0f]),
        };

    [Fact]
    public void KeepHeadlines_ShareOfArticles_LosesItsBodyAndVectorKeepsItsHeadline()
    {
        var mixed = MixedFeed.KeepHeadlines(Articles, 0.3);

        var stripped = mixed.Count(a => !a.Paragraphs.Any());
        Assert.InRange(stripped, 40, 80); // about 30% of 200, by hash
        Assert.All(mixed.Zip(Articles), p => Assert.Equal(p.Second.Title, p.First.Title));
        Assert.All(mixed.Where(a => !a.Paragraphs.Any()), a => Assert.Null(a.Embedding));
    }

    [Fact]
    public void KeepHeadlines_SameIds_SameChoiceOnEveryRun()
    {
        var first = MixedFeed.KeepHeadlines(Articles, 0.5).Select(a => a.Paragraphs.Any());
        var second = MixedFeed.KeepHeadlines(Articles, 0.5).Select(a => a.Paragraphs.Any());

        Assert.Equal(first, second);
        Assert.All(MixedFeed.KeepHeadlines(Articles, 0), a => Assert.NotEmpty(a.Paragraphs));
        Assert.All(MixedFeed.KeepHeadlines(Articles, 1), a => Assert.Empty(a.Paragraphs));
    }
}
