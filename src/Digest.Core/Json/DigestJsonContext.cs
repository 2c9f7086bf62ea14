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
[JsonSerializable(typeof(ParseClaim))]
[JsonSerializable(typeof(SendBatchMessage))]
[JsonSerializable(typeof(DeliveryLedger))]
[JsonSerializable(typeof(SendPlan))]
[JsonSerializable(typeof(EnqueuedMarker))]
[JsonSerializable(typeof(ParkedBatch))]
[JsonSerializable(typeof(PoisonedBatch))]
[JsonSerializable(typeof(Digest.Core.Triggers.ParkedMessage))]
[JsonSerializable(typeof(Digest.Core.Stories.Persistence.StoryIndexDocument))]
public sealed partial class DigestJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context Digest stores with: like <see cref="Default"/>, but non-ASCII text is written as itself (UTF-8)
    /// instead of \uXXXX escapes, so stored articles and digests stay readable. The relaxed encoder still escapes
    /// what JSON requires; it is "unsafe" only for JSON pasted into HTML or script, which Digest never does.
    /// </summary>
    public static DigestJsonContext Stored => s_stored ??= new(new System.Text.Json.JsonSerializerOptions(Default!.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    // Lazy (a benign race at worst): static initialisers across the generated partial files run in no set order.
    private static DigestJsonContext? s_stored;
}
