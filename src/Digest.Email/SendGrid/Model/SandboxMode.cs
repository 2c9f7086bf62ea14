using System.Text.Json.Serialization;

namespace Digest.Email.SendGrid.Model;

/// <summary>mail_settings.sandbox_mode: {"enable":true}.</summary>
public sealed record SandboxMode([property: JsonPropertyName("enable")] bool Enable);
