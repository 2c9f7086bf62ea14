using System.Text;
using Digest.Core.Articles;

namespace Digest.Core.Stories.Embeddings;

/// <summary>
/// What of an article is embedded: the headline and the lead. The model reads at most 128 word pieces (the embedder
/// truncates); this cuts the body at <see cref="MaxCharacters"/> first so a long article is not tokenised whole.
/// </summary>
public static class EmbeddingText
{
    /// <summary>Characters of headline plus lead handed to the embedder (about 150 words, more than 128 word pieces).</summary>
    public const int MaxCharacters = 900;

    public static string For(Article article)
    {
        var text = new StringBuilder(MaxCharacters + 64);
        text.Append(article.Title.Trim());
        foreach (var paragraph in article.ParagraphsForGrouping)
        {
            if (text.Length >= MaxCharacters) break;
            if (text.Length > 0) text.Append(text[^1] is '.' or '!' or '?' or ':' ? " " : ". ");
            text.Append(paragraph.Trim());
        }

        return text.Length <= MaxCharacters ? text.ToString() : text.ToString(0, MaxCharacters);
    }
}
