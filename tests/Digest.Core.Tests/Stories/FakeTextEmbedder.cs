using System.Text;
using Digest.Core.Stories.Embeddings;

namespace Digest.Core.Tests.Stories;

/// <summary>
/// A deterministic stand-in for the sentence model: lower-cased words (4+ letters) hashed (FNV-1a) into 64
/// dimensions, L2-normalised. Texts sharing words are close, as with a real model; counts calls and texts.
/// </summary>
internal sealed class FakeTextEmbedder : ITextEmbedder
{
    public string Model => "fake-bag-of-words";

    public int Dimensions => 64;

    public int Calls { get; private set; }

    public int Texts { get; private set; }

    public Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        Calls++;
        Texts += texts.Count;
        return Task.FromResult<IReadOnlyList<float[]>>(texts.Select(Embed).ToList());
    }

    public float[] Embed(string text)
    {
        var v = new float[Dimensions];
        foreach (var word in text.ToLowerInvariant().Split(' ', '.', ',', '\'', '"', '-', '\n'))
        {
            if (word.Length < 4) continue;
            var hash = 2166136261u;
            foreach (var b in Encoding.UTF8.GetBytes(word)) hash = (hash ^ b) * 16777619u;
            v[hash % (uint)Dimensions] += 1f;
        }

        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return norm == 0 ? v : v.Select(x => x / norm).ToArray();
    }
}
