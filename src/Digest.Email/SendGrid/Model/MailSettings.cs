using System.Text.Json.Serialization;

namespace Digest.Email.SendGrid.Model;

/// <summary>mail_settings: only sandbox mode is used (validate, do not send).</summary>
public sealed record MailSettings([property: JsonPropertyName("sandbox_mode")] SandboxMode? SandboxMode);
