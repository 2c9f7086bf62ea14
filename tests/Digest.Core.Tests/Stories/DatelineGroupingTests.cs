using Digest.Core.Stories.Clustering;
using Digest.Core.Tests.Articles;

namespace Digest.Core.Tests.Stories;

/// <summary>
/// The parser takes place datelines off the body so that they never reach a summary, but the place and the words
/// right after it ("DANVILLE, Ky. — Police Chief Mark Ellis") are what keeps two local reports of one kind apart:
/// grouping must read the same features as when the dateline was still text.
/// </summary>
public sealed class DatelineGroupingTests
{
    private const string Lead = "Police Chief Mark Ellis said two men were hurt in a shooting on Main Street late Friday.";

    [Theory]
    [InlineData("DANVILLE, Ky. — ")]
    [InlineData("WASHINGTON — ")]
    [InlineData("BERKELEY HEIGHTS, N.J. — ")]
    public void Extract_PlaceDatelineStripped_SameFeaturesAsWithTheDatelineInTheText(string dateline)
    {
        var parsed = Parsing.ParseArticle("Two Hurt In Shooting\n" + dateline + Lead);
        var asText = parsed with { Sections = [new(null, [dateline + Lead])], Dateline = null };
        var options = new StoryClusterOptions();

        var fromParsed = ArticleFeaturizer.Extract(parsed, options, new FeaturizerCache());
        var fromText = ArticleFeaturizer.Extract(asText, options, new FeaturizerCache());

        Assert.Equal(Lead, parsed.BodyText);
        Assert.Equal(fromText.Entities.OrderBy(e => e.Key), fromParsed.Entities.OrderBy(e => e.Key));
        Assert.Equal(fromText.Terms.OrderBy(e => e.Key), fromParsed.Terms.OrderBy(e => e.Key));
    }
}
