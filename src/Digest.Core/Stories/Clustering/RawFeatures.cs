namespace Digest.Core.Stories.Clustering;

/// <summary>One article's weighted features before vocabulary ids and IDF: stems, entities/numbers, and its day.</summary>
internal sealed record RawFeatures(Dictionary<string, float> Terms, Dictionary<string, float> Entities, int? Day);
