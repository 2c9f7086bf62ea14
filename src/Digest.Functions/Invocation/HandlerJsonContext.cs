using System.Text.Json.Serialization;
using Digest.Functions.Functions.SendDigest;

namespace Digest.Functions.Invocation;

/// <summary>
/// Source-generated JSON for the handler's own payloads (the invocation response and parked messages).
/// Property names stay PascalCase: that is the custom handler protocol's casing.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never, WriteIndented = false)]
[JsonSerializable(typeof(InvocationResponse))]
[JsonSerializable(typeof(ParkedMessage))]
internal sealed partial class HandlerJsonContext : JsonSerializerContext;
