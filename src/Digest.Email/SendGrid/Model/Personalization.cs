using System.Text.Json.Serialization;

namespace Digest.Email.SendGrid.Model;

/// <summary>One recipient's envelope: who, their substitutions (legacy tag replacement), headers and custom args.</summary>
public sealed record Personalization(
    [property: JsonPropertyName("to")] IReadOnlyList<EmailAddress> To,
    [property: JsonPropertyName("substitutions")] IReadOnlyDictionary<string, string>? Substitutions,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string>? Headers,
    [property: JsonPropertyName("custom_args")] IReadOnlyDictionary<string, string>? CustomArgs);
