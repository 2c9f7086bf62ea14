using Digest.Core.Articles;
using Digest.Core.Stories.Text;

namespace Digest.Core.Stories.Merging;

/// <summary>
/// The sentences of an article the merger weighs: its first <see cref="PerArticle"/> body sentences (the lead
/// carries the event and the facts worth adding; the cap bounds the embedding cost of a story).
/// </summary>
internal static class SentenceCandidates
{
    public const int PerArticle = 16;

    public static IReadOnlyList<string> Of(Article article) =>
        article.Paragraphs.SelectMany(SentenceSplitter.Split).Select(s => s.Trim()).Where(s => s.Length > 0).Take(PerArticle).ToArray();
}
