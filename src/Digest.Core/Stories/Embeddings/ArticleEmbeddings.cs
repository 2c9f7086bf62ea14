using Digest.Core.Articles;

namespace Digest.Core.Stories.Embeddings;

/// <summary>Gives articles their sentence embedding where they lack one (or carry another model's).</summary>
public static class ArticleEmbeddings
{
    /// <summary>Whether <paramref name="article"/> already has a vector of <paramref name="embedder"/>'s model.</summary>
    public static bool HasCurrent(Article article, ITextEmbedder embedder) =>
        article.Embedding is { } e && e.Model == embedder.Model && e.Vector.Length == embedder.Dimensions;

    /// <summary>
    /// The same articles, in order, each with a current embedding: stored vectors are kept, only the missing ones
    /// are computed (in one batched call). Without an embedder the articles are returned as they are.
    /// </summary>
    public static async Task<IReadOnlyList<Article>> EnsureAsync(IReadOnlyList<Article> articles, ITextEmbedder? embedder, CancellationToken cancellationToken = default)
    {
        if (embedder is null) return articles;
        var missing = Enumerable.Range(0, articles.Count).Where(i => !HasCurrent(articles[i], embedder)).ToList();
        if (missing.Count == 0) return articles;
        var vectors = await embedder.EmbedAsync(missing.Select(i => EmbeddingText.For(articles[i])).ToList(), cancellationToken).ConfigureAwait(false);
        var result = articles.ToArray();
        for (var k = 0; k < missing.Count; k++)
        {
            result[missing[k]] = result[missing[k]] with { Embedding = new ArticleEmbedding(embedder.Model, vectors[k]) };
        }

        return result;
    }
}
