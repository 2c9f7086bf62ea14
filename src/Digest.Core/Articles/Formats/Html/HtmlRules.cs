using AngleSharp.Dom;

namespace Digest.Core.Articles.Formats.Html;

/// <summary>Which elements are page furniture (dropped) and which start a new block of text.</summary>
internal static class HtmlRules
{
    private static readonly HashSet<string> DroppedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "frame",
        "frameset", "svg", "math", "object", "embed", "applet", "button", "select", "input", "textarea", "canvas",
        "audio", "video", "map", "dialog", "head", "title", "meta", "link", "base",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div", "dl", "dt", "fieldset",
        "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "li", "main", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    };

    // Class or id words that mark advertising, sharing bars, related links, newsletters and comments, and the
    // byline (read into Article.Byline, so it must not also open the body).
    private static readonly HashSet<string> BoilerplateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "sponsor", "sponsored", "promo",
        "promoted", "share", "sharing", "social", "related", "recommended", "newsletter", "subscribe", "subscription",
        "signup", "comment", "comments", "disqus", "cookie", "cookies", "consent", "popup", "modal", "outbrain",
        "taboola", "breadcrumb", "breadcrumbs", "sidebar", "banner", "byline",
    };

    private static readonly char[] WordSeparators = [' ', '-', '_', '\t', '\n', '.', ':'];

    /// <summary>Page furniture: navigation, scripts, forms, ads, share bars, related links, hidden elements.</summary>
    public static bool IsDropped(IElement element)
    {
        var name = element.LocalName;
        if (DroppedTags.Contains(name))
        {
            return true;
        }

        if (name is "html" or "body" or "main" or "article")
        {
            return false;
        }

        if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true")
        {
            return true;
        }

        return HasBoilerplateWord(element.GetAttribute("class")) || HasBoilerplateWord(element.Id);
    }

    public static bool IsBlock(string localName) => BlockTags.Contains(localName);

    public static bool IsHeading(string localName) => localName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    private static bool HasBoilerplateWord(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries).Any(BoilerplateWords.Contains);
}
