namespace Digest.Email;

/// <summary>
/// Message-IDs (RFC 5322 3.6.4): deterministic per digest and subscriber, so a resent message is recognisable as the
/// same one (by the outbox's file names and by mail clients).
/// </summary>
public static class MessageIds
{
    /// <summary>The id without angle brackets: <c>{digest}.{subscriber key}@{the From domain}</c>.</summary>
    public static string For(string digestId, string subscriberKey, string fromAddress)
    {
        var at = fromAddress.LastIndexOf('@');
        var domain = at >= 0 && at < fromAddress.Length - 1 ? fromAddress[(at + 1)..] : "digest.local";
        return $"{digestId}.{subscriberKey}@{domain}";
    }
}
