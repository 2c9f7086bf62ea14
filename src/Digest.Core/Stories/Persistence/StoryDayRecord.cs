using System.Text.Json.Serialization;
using Digest.Core.Json;

namespace Digest.Core.Stories.Persistence;

/// <summary>A story's contribution from one digest day. Re-running that day replaces it (idempotent).</summary>
/// <param name="Day">Digest day.</param>
/// <param name="ArticleIds">Articles of that day merged into the story.</param>
/// <param name="Terms">Signature: strongest stems with their centroid weights.</param>
/// <param name="Entities">Signature: strongest names and numbers with their centroid weights.</param>
/// <param name="Meaning">The day's articles' mean sentence embedding, when they had one (null in indexes written before it).</param>
public sealed record StoryDayRecord(
    DateOnly Day,
    IReadOnlyList<string> ArticleIds,
    IReadOnlyDictionary<string, float> Terms,
    IReadOnlyDictionary<string, float> Entities,
    StoryMeaning? Meaning = null);

/// <summary>
/// The semantic part of a story-day's signature: the mean (not renormalised) of its articles' unit embeddings, so the
/// dot product of two means is the average pairwise cosine that same-day average linkage uses.
/// </summary>
/// <param name="Model">The model that made the vectors (means of different models are never compared).</param>
/// <param name="Vector">Mean of the articles' L2-normalised vectors (float16 base64 in JSON).</param>
/// <param name="FullText">Mean full-text share of the articles (0 = headlines only, 1 = full articles).</param>
/// <param name="Articles">How many article vectors the mean holds (weights days when they are combined).</param>
public sealed record StoryMeaning(
    string Model,
    [property: JsonConverter(typeof(Float16Base64Converter))] float[] Vector,
    float FullText,
    int Articles);
