using System.Text.Json.Serialization;
using Digest.Core.Articles;
using Digest.Core.Delivery;
using Digest.Core.Digests;
using Digest.Core.Stories;
using Digest.Core.Storage;

namespace Digest.Core.Json;

/// <summary>
/// The one source-generated serializer context for everything Digest stores as JSON.
/// camelCase, enums as camelCase strings, nulls omitted, indented (stored files are read by people too).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(Article))]
[JsonSerializable(typeof(IReadOnlyList<Article>))]
[JsonSerializable(typeof(ParseDiagnostic))]
[JsonSerializable(typeof(IReadOnlyList<ParseDiagnostic>))]
[JsonSerializable(typeof(Story))]
[JsonSerializable(typeof(IReadOnlyList<Story>))]
[JsonSerializable(typeof(DigestDocument))]
[JsonSerializable(typeof(Subscriber))]
[JsonSerializable(typeof(IReadOnlyList<Subscriber>))]
[JsonSerializable(typeof(BlobSidecar))]
[JsonSerializable(typeof(Rejection))]
[JsonSerializable(typeof(IReadOnlyList<Rejection>))]
[JsonSerializable(typeof(ParseReceipt))]
[JsonSerializable(typeof(SendBatchMessage))]
[JsonSerializable(typeof(DeliveryLedger))]
[JsonSerializable(typeof(SendPlan))]
[JsonSerializable(typeof(ParkedBatch))]
[JsonSerializable(typeof(Digest.Core.Stories.Persistence.StoryIndexDocument))]
public sealed partial class DigestJsonContext : JsonSerializerContext;
