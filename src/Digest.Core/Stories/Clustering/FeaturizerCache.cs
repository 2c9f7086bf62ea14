namespace Digest.Core.Stories.Clustering;

/// <summary>Per-thread caches of the featuriser: pooled token strings and word stems.</summary>
internal sealed class FeaturizerCache
{
    public Dictionary<string, string> Words { get; } = new(StringComparer.Ordinal);

    /// <summary>Stem of each word, null for stopwords.</summary>
    public Dictionary<string, string?> Stems { get; } = new(StringComparer.Ordinal);
}
