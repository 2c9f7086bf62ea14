using System.Globalization;
using Digest.Core.Stories.Clustering;

namespace Digest.Cli.Commands;

/// <summary>Applies Name=value overrides to the clusterer options (for tuning experiments with eval and bench).</summary>
internal static class ClusterOptionOverrides
{
    public static bool TryApply(StoryClusterOptions start, IEnumerable<string> overrides, out StoryClusterOptions options, out string? error)
    {
        options = start;
        error = null;
        foreach (var item in overrides)
        {
            var parts = item.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                error = $"--set wants Name=number, got '{item}'.";
                return false;
            }

            var f = (float)v;
            var i = (int)v;
            StoryClusterOptions? next = parts[0] switch
            {
                nameof(StoryClusterOptions.TitleWeight) => options with { TitleWeight = f },
                nameof(StoryClusterOptions.IdfPriorDocuments) => options with { IdfPriorDocuments = i },
                nameof(StoryClusterOptions.TermShare) => options with { TermShare = f },
                nameof(StoryClusterOptions.MergeThreshold) => options with { MergeThreshold = f },
                nameof(StoryClusterOptions.SmallBatchBoost) => options with { SmallBatchBoost = f },
                nameof(StoryClusterOptions.MinEntitySimilarity) => options with { MinEntitySimilarity = f },
                nameof(StoryClusterOptions.FreeDays) => options with { FreeDays = i },
                nameof(StoryClusterOptions.DayDecay) => options with { DayDecay = f },
                nameof(StoryClusterOptions.MaxTermsPerArticle) => options with { MaxTermsPerArticle = i },
                nameof(StoryClusterOptions.MaxEntitiesPerArticle) => options with { MaxEntitiesPerArticle = i },
                nameof(StoryClusterOptions.KeyFeatures) => options with { KeyFeatures = i },
                nameof(StoryClusterOptions.MinSharedKeys) => options with { MinSharedKeys = i },
                nameof(StoryClusterOptions.MaxPostingLength) => options with { MaxPostingLength = i },
                nameof(StoryClusterOptions.MaxCandidates) => options with { MaxCandidates = i },
                nameof(StoryClusterOptions.ExactLinkagePairs) => options with { ExactLinkagePairs = i },
                nameof(StoryClusterOptions.SemanticShare) => options with { SemanticShare = f },
                nameof(StoryClusterOptions.SemanticTermShare) => options with { SemanticTermShare = f },
                nameof(StoryClusterOptions.SemanticEntityGate) => options with { SemanticEntityGate = f },
                nameof(StoryClusterOptions.LookAlikeFactor) => options with { LookAlikeFactor = f },
                nameof(StoryClusterOptions.SemanticThreshold) => options with { SemanticThreshold = f },
                nameof(StoryClusterOptions.SemanticSmallBatchBoost) => options with { SemanticSmallBatchBoost = f },
                nameof(StoryClusterOptions.HeadlineSemanticShare) => options with { HeadlineSemanticShare = f },
                nameof(StoryClusterOptions.HeadlineThreshold) => options with { HeadlineThreshold = f },
                nameof(StoryClusterOptions.FullTextWords) => options with { FullTextWords = i },
                nameof(StoryClusterOptions.SemanticHashTables) => options with { SemanticHashTables = i },
                nameof(StoryClusterOptions.SemanticHashBits) => options with { SemanticHashBits = i },
                nameof(StoryClusterOptions.SemanticDayDecay) => options with { SemanticDayDecay = f },
                nameof(StoryClusterOptions.RareNameBonus) => options with { RareNameBonus = f },
                nameof(StoryClusterOptions.MaxRareNames) => options with { MaxRareNames = i },
                nameof(StoryClusterOptions.RareNameArticles) => options with { RareNameArticles = i },
                nameof(StoryClusterOptions.CohesionRatio) => options with { CohesionRatio = f },
                nameof(StoryClusterOptions.CohesionMinSize) => options with { CohesionMinSize = i },
                nameof(StoryClusterOptions.JoinCohesionRatio) => options with { JoinCohesionRatio = f },
                _ => null,
            };
            if (next is null)
            {
                error = $"--set: unknown option '{parts[0]}'.";
                return false;
            }

            options = next;
        }

        return true;
    }
}
