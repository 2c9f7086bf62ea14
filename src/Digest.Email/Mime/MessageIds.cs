namespace Digest.Email.Mime;

/// <summary>Message-IDs (RFC 5322 section 3.6.4): deterministic per digest and subscriber, so a resend is recognisable.</summary>
public static class MessageIds
{
    public static string For(string digestId, string subscriberKey, string fromAddress)
    {
        var at = fromAddress.LastIndexOf('@');
        var domain = at >= 0 && at < fromAddress.Length - 1 ? fromAddress[(at + 1)..] : "digest.local";
        return $"{digestId}.{subscriberKey}@{domain}";
    }
}
