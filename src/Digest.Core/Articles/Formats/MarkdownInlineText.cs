using System.Text;
using Markdig.Syntax.Inlines;

namespace Digest.Core.Articles.Formats;

/// <summary>
/// Plain text of Markdig inlines: emphasis and code lose their markers, links keep their text (never their URL),
/// inline HTML tags vanish (and the content of an inline script or style with them), images are collected apart.
/// Walks with an explicit stack so hostile nesting cannot overflow the call stack.
/// </summary>
internal static class MarkdownInlineText
{
    /// <param name="root">The inlines of a paragraph or heading.</param>
    /// <param name="images">Receives one caption per image (alt text, and the title when there is one).</param>
    public static string Read(ContainerInline? root, List<string>? images)
    {
        var text = new StringBuilder();
        if (root?.FirstChild is null)
        {
            return string.Empty;
        }

        var skipping = false;
        var stack = new Stack<Inline>();
        stack.Push(root.FirstChild);
        while (stack.TryPop(out var inline))
        {
            if (inline.NextSibling is { } next)
            {
                stack.Push(next);
            }

            switch (inline)
            {
                case HtmlInline html:
                    skipping = OpensScriptOrStyle(html.Tag) || (skipping && !ClosesScriptOrStyle(html.Tag));
                    break;
                case LinkInline { IsImage: true } image:
                    images?.Add(ImageCaption(image));
                    break;
                case ContainerInline container when container.FirstChild is { } child:
                    stack.Push(child);
                    break;
                case LiteralInline literal when !skipping:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code when !skipping:
                    text.Append(code.Content);
                    break;
                case AutolinkInline autolink when !skipping:
                    text.Append(autolink.Url);
                    break;
                case HtmlEntityInline entity when !skipping:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>True when the inlines are only emphasis (e.g. "*Photo: Reuters*" under an image).</summary>
    public static bool IsEmphasisOnly(ContainerInline? root)
    {
        var any = false;
        for (var inline = root?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case EmphasisInline:
                    any = true;
                    break;
                case LineBreakInline:
                case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                    break;
                default:
                    return false;
            }
        }

        return any;
    }

    private static string ImageCaption(LinkInline image)
    {
        var alt = Read(image, null).Trim();
        var title = image.Title?.Trim() ?? string.Empty;
        if (title.Length == 0 || title == alt)
        {
            return alt;
        }

        return alt.Length == 0 ? title : alt.TrimEnd('.') + ". " + title;
    }

    private static bool OpensScriptOrStyle(string tag) =>
        tag.StartsWith("<script", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("<style", StringComparison.OrdinalIgnoreCase);

    private static bool ClosesScriptOrStyle(string tag) =>
        tag.StartsWith("</script", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("</style", StringComparison.OrdinalIgnoreCase);
}
