using System.Text.Json.Serialization;

namespace Digest.Core.Accounting;

/// <summary>`digest status --json`: camelCase, enums as strings, indented.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(DayStatus))]
public sealed partial class StatusJsonContext : JsonSerializerContext;
