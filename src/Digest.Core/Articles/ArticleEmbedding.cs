using System.Text.Json.Serialization;
using Digest.Core.Json;

namespace Digest.Core.Articles;

/// <summary>
/// An article's sentence embedding (headline plus lead), computed once at parse time and stored with the parsed
/// article. In JSON the vector is base64 of little-endian float16 (768 bytes for 384 dimensions): ample precision
/// for a cosine, a third of the size of float32 text.
/// </summary>
/// <param name="Model">The model that made it (vectors of different models are never compared).</param>
/// <param name="Vector">L2-normalised components.</param>
public sealed record ArticleEmbedding(
    string Model,
    [property: JsonConverter(typeof(Float16Base64Converter))] float[] Vector);
