namespace Digest.Core.Stories.Clustering;

/// <summary>One article's weighted features before vocabulary ids and IDF: stems, entities/numbers, its day and how many words its body has.</summary>
internal sealed record RawFeatures(Dictionary<string, float> Terms, Dictionary<string, float> Entities, int? Day, int BodyWords);
