namespace Digest.Core.Stories.Clustering;

/// <summary>
/// One article's weighted features before vocabulary ids and IDF: stems, entities/numbers, its day, the days its lead
/// names (day numbers, from-to; empty when none or not used) and how many words its body has.
/// </summary>
internal sealed record RawFeatures(Dictionary<string, float> Terms, Dictionary<string, float> Entities, int? Day, (int From, int To)[] NamedDays, int BodyWords);
