namespace Digest.Core.Delivery;

/// <summary>
/// Substitution tags used in rendered bodies. They are plain text that HTML encoding leaves unchanged and that
/// SendGrid substitutions replace verbatim. Values for the HTML tags are HTML-escaped by whoever builds the recipient.
/// </summary>
public static class EmailTags
{
    /// <summary>The recipient's unsubscribe URL (URL-safe characters only, so valid in HTML and text alike).</summary>
    public const string UnsubscribeUrl = "-unsubscribe_url-";

    /// <summary>Greeting name for the text part.</summary>
    public const string NameText = "-name_text-";

    /// <summary>Greeting name for the HTML part (HTML-escaped).</summary>
    public const string NameHtml = "-name_html-";

    /// <summary>Replaces every tag with the recipient's value (used by senders that render locally).</summary>
    public static string Apply(string body, IReadOnlyDictionary<string, string> substitutions)
    {
        foreach (var (tag, value) in substitutions)
        {
            body = body.Replace(tag, value, StringComparison.Ordinal);
        }

        return body;
    }
}
