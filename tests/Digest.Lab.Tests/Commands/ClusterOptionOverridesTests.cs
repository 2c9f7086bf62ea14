using Digest.Core.Stories.Clustering;
using Digest.Lab.Commands;

namespace Digest.Lab.Tests.Commands;

public sealed class ClusterOptionOverridesTests
{
    [Fact]
    public void TryApply_KnownNames_SetsThemAndLeavesTheRest()
    {
        Assert.True(ClusterOptionOverrides.TryApply(StoryClusterOptions.Default, ["MergeThreshold=0.42", "FreeDays = 5", "rarenamebonus=1.5"], out var options, out var error));

        Assert.Null(error);
        Assert.Equal(0.42f, options.MergeThreshold);
        Assert.Equal(5, options.FreeDays);
        Assert.Equal(1.5f, options.RareNameBonus);
        Assert.Equal(StoryClusterOptions.Default with { MergeThreshold = 0.42f, FreeDays = 5, RareNameBonus = 1.5f }, options);
    }

    [Theory]
    [InlineData("MergeThreshold", "--set wants Name=number")]
    [InlineData("NoSuchOption=1", "NoSuchOption")]
    [InlineData("FreeDays=two", "FreeDays")]
    public void TryApply_Bad_OneLineError(string item, string expected)
    {
        Assert.False(ClusterOptionOverrides.TryApply(StoryClusterOptions.Default, [item], out var options, out var error));

        Assert.Same(StoryClusterOptions.Default, options);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error!);
    }
}
