using Digest.Core.Articles;
using Digest.Core.Stories.Embeddings;

namespace Digest.Core.Stories.Merging;

/// <summary>
/// Sentence embeddings for the merger, computed once per distinct text in one batched call: titles and
/// <see cref="SentenceCandidates"/> of the stories with two or more sources (a single source needs no comparison),
/// largest stories first, until <paramref name="budget"/> texts; stories past the budget are merged on the lexical
/// rule. Without an embedder there are no vectors and every story uses the lexical rule.
/// </summary>
internal sealed class SentenceVectors
{
    public static readonly SentenceVectors None = new(new Dictionary<string, float[]>(StringComparer.Ordinal));

    private readonly Dictionary<string, float[]> vectors;

    private SentenceVectors(Dictionary<string, float[]> vectors) => this.vectors = vectors;

    public int Count => vectors.Count;

    public float[]? Get(string text) => vectors.GetValueOrDefault(text);

    public static async Task<SentenceVectors> ComputeAsync(IReadOnlyList<IReadOnlyList<Article>> stories, ITextEmbedder? embedder, int budget, CancellationToken cancellationToken = default)
    {
        if (embedder is null || budget <= 0) return None;
        var texts = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var story in stories.Where(s => s.Count >= 2).OrderByDescending(s => s.Count))
        {
            var storyTexts = story.SelectMany(a => SentenceCandidates.Of(a).Prepend(a.Title.Trim())).Where(t => !seen.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
            if (texts.Count + storyTexts.Count > budget) continue;
            texts.AddRange(storyTexts);
            seen.UnionWith(storyTexts);
        }

        if (texts.Count == 0) return None;
        var embedded = await embedder.EmbedAsync(texts, cancellationToken).ConfigureAwait(false);
        var map = new Dictionary<string, float[]>(texts.Count, StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++) map[texts[i]] = embedded[i];
        return new SentenceVectors(map);
    }
}
