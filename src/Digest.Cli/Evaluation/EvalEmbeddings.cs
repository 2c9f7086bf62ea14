using System.Runtime.InteropServices;
using Digest.Core.Articles;
using Digest.Core.Stories.Embeddings;

namespace Digest.Cli.Evaluation;

/// <summary>
/// Embeds eval and bench articles the way ParseArticle does (<see cref="ArticleEmbeddings"/>), optionally through a
/// cache file (content hash, base64 float32 vector per line) so repeated tuning runs embed each article once. The
/// cache holds vectors of third-party text: keep it outside the repository (e.g. under /tmp).
/// </summary>
internal static class EvalEmbeddings
{
    public static async Task<IReadOnlyList<Article>> AttachAsync(IReadOnlyList<Article> articles, ITextEmbedder embedder, string? cachePath, CancellationToken ct)
    {
        var cache = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (cachePath is not null && File.Exists(cachePath))
        {
            foreach (var line in await File.ReadAllLinesAsync(cachePath, ct))
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (tab <= 0) continue;
                cache[line[..tab]] = MemoryMarshal.Cast<byte, float>(Convert.FromBase64String(line[(tab + 1)..])).ToArray();
            }
        }

        var withCached = articles
            .Select(a => cache.TryGetValue(Key(a), out var v) && v.Length == embedder.Dimensions ? a with { Embedding = new ArticleEmbedding(embedder.Model, v) } : a)
            .ToList();
        var result = await ArticleEmbeddings.EnsureAsync(withCached, embedder, ct);
        if (cachePath is not null)
        {
            var added = result.Where(a => !cache.ContainsKey(Key(a))).Select(a => $"{Key(a)}\t{Convert.ToBase64String(MemoryMarshal.AsBytes(a.Embedding!.Vector.AsSpan()))}").ToList();
            if (added.Count > 0) await File.AppendAllLinesAsync(cachePath, added, ct);
        }

        return result;
    }

    private static string Key(Article article) => article.ContentHash;
}
