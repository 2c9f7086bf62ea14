using Digest.Core.Stories.Clustering;
using Digest.Core.Stories.Persistence;

namespace Digest.Core.Tests.Stories;

/// <summary>Cross-day matching weighs a headline against a story of full reports as the same-day rule does (issue 21).</summary>
public sealed class StorySignatureTests
{
    private static readonly Dictionary<string, float> Terms = new() { ["fire"] = 0.6f, ["greenway"] = 0.6f, ["supermarket"] = 0.53f };

    private static readonly Dictionary<string, float> OtherTown = new() { ["fire"] = 0.577f, ["greenway"] = 0.577f, ["brampton"] = 0.577f };

    private static StorySignature Story(float[] vector, float fullText, Dictionary<string, float>? terms = null) =>
        new(terms ?? Terms, new Dictionary<string, float>(), new StoryMeaning("test", vector, fullText, 3));

    [Fact]
    public void Similarity_LookAlikeHeadlineAgainstFullStory_BelowTheThresholdAsOnOneDay()
    {
        var reports = Story([1f, 0f, 0f], fullText: 1f);
        var twinHeadline = Story([0.3f, 0.954f, 0f], fullText: 0f, OtherTown); // another town's fire: alike in kind only
        var threshold = StoryClusterOptions.Default.SemanticThresholdFor(10);

        Assert.True(twinHeadline.Similarity(reports, dayGap: 1, StoryClusterOptions.Default, semantic: true) < threshold);
        // Scaled up as if both were headlines (the rule before), it would continue the earlier story.
        Assert.True(twinHeadline.Similarity(reports, dayGap: 1, StoryClusterOptions.Default with { UnevenPairScaling = 0f }, semantic: true) >= threshold);
    }

    [Fact]
    public void Similarity_SameEventHeadlineAgainstFullStory_ReachesTheThreshold()
    {
        var reports = Story([1f, 0f, 0f], fullText: 1f);
        var headline = Story([0.75f, 0.661f, 0f], fullText: 0f);

        Assert.True(headline.Similarity(reports, dayGap: 1, StoryClusterOptions.Default, semantic: true) >= StoryClusterOptions.Default.SemanticThresholdFor(10));
    }
}
