namespace Digest.Core.Delivery;

/// <summary>Builds unsubscribe URLs: {PublicBaseUrl}/api/unsubscribe?token=... (the token is URL-safe base64).</summary>
public static class UnsubscribeLinks
{
    public const string Path = "/api/unsubscribe";

    public static string PageUrl(DigestOptions options) => options.PublicBaseUrl.TrimEnd('/') + Path;

    public static string For(DigestOptions options, UnsubscribeToken tokens, string subscriberKey) =>
        PageUrl(options) + "?token=" + tokens.Create(UnsubscribeToken.DailyList, subscriberKey);
}
