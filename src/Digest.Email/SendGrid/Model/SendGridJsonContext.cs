using System.Text.Json.Serialization;

namespace Digest.Email.SendGrid.Model;

/// <summary>
/// Wire format of the SendGrid API (not stored JSON, hence not DigestJsonContext): property names are explicit,
/// nulls omitted, compact.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SendGridMessage))]
[JsonSerializable(typeof(SendGridErrorResponse))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class SendGridJsonContext : JsonSerializerContext;
