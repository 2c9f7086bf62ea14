using System.Text.Json.Serialization;
using Digest.Functions.Functions.SendDigest;

namespace Digest.Functions;

/// <summary>Source-generated JSON for what the functions write themselves (parked messages).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never, WriteIndented = false)]
[JsonSerializable(typeof(ParkedMessage))]
internal sealed partial class FunctionsJsonContext : JsonSerializerContext;
