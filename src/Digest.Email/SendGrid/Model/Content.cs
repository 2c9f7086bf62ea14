using System.Text.Json.Serialization;

namespace Digest.Email.SendGrid.Model;

/// <summary>One body part: {"type":"text/plain","value":...}. SendGrid requires text/plain before text/html.</summary>
public sealed record Content(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string Value);
