using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Digest.Testing;

/// <summary>
/// Signs event batches as SendGrid's Signed Event Webhook does: ECDSA P-256 with SHA-256 over the timestamp header
/// followed by the raw body, DER-encoded and base64; the public key as SendGrid shows it (base64 SubjectPublicKeyInfo).
/// The key is generated per instance, so nothing here is a secret.
/// </summary>
public sealed class SendGridWebhookSigner : IDisposable
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The value for Digest:Subscribers:SendGridWebhookPublicKey.</summary>
    public string PublicKey => Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo());

    /// <summary>The timestamp header's value for an instant (unix seconds).</summary>
    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The signature header's value for a body sent with a timestamp.</summary>
    public string Sign(string timestamp, string payload) =>
        Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(timestamp + payload), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    public void Dispose() => _key.Dispose();
}
