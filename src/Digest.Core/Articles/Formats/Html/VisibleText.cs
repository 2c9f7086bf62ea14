using System.Text;
using AngleSharp.Dom;
using Digest.Core.Articles.Text;

namespace Digest.Core.Articles.Formats.Html;

/// <summary>The visible text of one element, without script or style content, walked without recursion.</summary>
internal static class VisibleText
{
    public static string Of(INode? root)
    {
        if (root is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(root);
        while (stack.TryPop(out var node))
        {
            if (node is IText t)
            {
                text.Append(t.Data);
            }
            else if (node is IElement element && (element == root || !IsInvisible(element.LocalName)))
            {
                if (element.LocalName == "br" || HtmlRules.IsBlock(element.LocalName))
                {
                    text.Append(' ');
                }

                for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
                {
                    stack.Push(node.ChildNodes[i]);
                }
            }
        }

        return TextNormalizer.CleanInline(text.ToString());
    }

    private static bool IsInvisible(string localName) => localName is "script" or "style" or "noscript" or "template";
}
