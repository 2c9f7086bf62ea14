using System.Text.Json.Serialization;

namespace Digest.Email.SendGrid.Model;

/// <summary>One entry of SendGrid's error body {"errors":[{"message","field","help"}]}.</summary>
public sealed record SendGridError(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("field")] string? Field = null,
    [property: JsonPropertyName("help")] string? Help = null);
