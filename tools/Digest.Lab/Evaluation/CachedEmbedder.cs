using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Digest.Core.Stories.Embeddings;

namespace Digest.Lab.Evaluation;

/// <summary>
/// An embedder that remembers vectors in a cache file (SHA-256 of the text, base64 float32 vector per line), so
/// repeated `digest-lab eval` runs (`--vector-cache`) embed each article (headline plus lead, as ParseArticle does) and
/// each `--stories` sentence once. The file holds vectors of third-party text: keep it outside the repository.
/// </summary>
internal sealed class CachedEmbedder(ITextEmbedder inner, string? path) : ITextEmbedder
{
    private readonly Dictionary<string, float[]> cache = Load(path, inner.Dimensions);

    public string Model => inner.Model;

    public int Dimensions => inner.Dimensions;

    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var keys = texts.Select(Key).ToArray();
        var missing = Enumerable.Range(0, texts.Count).Where(i => !cache.ContainsKey(keys[i])).ToList();
        if (missing.Count > 0)
        {
            var vectors = await inner.EmbedAsync(missing.Select(i => texts[i]).ToList(), cancellationToken).ConfigureAwait(false);
            var lines = new List<string>();
            for (var k = 0; k < missing.Count; k++)
            {
                if (cache.TryAdd(keys[missing[k]], vectors[k])) lines.Add(keys[missing[k]] + "\t" + Convert.ToBase64String(MemoryMarshal.AsBytes(vectors[k].AsSpan())));
            }

            if (path is not null) await File.AppendAllLinesAsync(path, lines, cancellationToken).ConfigureAwait(false);
        }

        return keys.Select(k => cache[k]).ToArray();
    }

    private static Dictionary<string, float[]> Load(string? path, int dimensions)
    {
        var cache = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (path is null || !File.Exists(path)) return cache;
        foreach (var line in File.ReadLines(path))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0) continue;
            var vector = MemoryMarshal.Cast<byte, float>(Convert.FromBase64String(line[(tab + 1)..])).ToArray();
            if (vector.Length == dimensions) cache[line[..tab]] = vector;
        }

        return cache;
    }

    private static string Key(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
