using System.Text.Json.Serialization;

namespace Digest.Email.SendGrid.Model;

/// <summary>SendGrid's error body: {"errors":[...]}.</summary>
public sealed record SendGridErrorResponse([property: JsonPropertyName("errors")] IReadOnlyList<SendGridError>? Errors);
