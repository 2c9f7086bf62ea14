using System.Text.Json.Serialization;

namespace Digest.Email.SendGrid.Model;

/// <summary>A SendGrid address object: {"email","name"}.</summary>
public sealed record EmailAddress(
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("name")] string? Name = null);
