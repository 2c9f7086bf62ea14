using System.Net;

namespace Digest.Email.SendGrid;

/// <summary>An accepted send: 202 Accepted (or 200 in sandbox mode) and SendGrid's X-Message-Id.</summary>
public sealed record SendGridResponse(HttpStatusCode Status, string? MessageId, int Attempts);
