using Digest.Core.Articles;
using Digest.Core.Stories.Embeddings;
using Digest.Embeddings;
using Digest.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Cli.Tests.Embeddings;

/// <summary>The one integration test of the real model (all-MiniLM-L6-v2 from the package, on ONNX Runtime).</summary>
public sealed class MiniLmEmbedderTests
{
    [Fact]
    public async Task EmbedAsync_SeedsAndAnUnrelatedReport_SameEventCloserThanUnrelated()
    {
        var seeds = Directory.GetFiles(Path.Combine(Repository.Root, "seeds", "articles"), "*.txt").Order(StringComparer.Ordinal)
            .Select(path => File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToArray())
            .Select(lines => EmbeddingText.For(new Article("x", lines[0], null, null, null, null, [new ArticleSection(null, lines[1..])], [], "en", "h", "seed", ArticleFormat.PlainText)))
            .ToList();
        const string unrelated = "Heavy rain floods farmland in the river valley. Farmers in the valley lost much of the wheat harvest after two days of rain, and the regional council opened an emergency fund for repairs to roads and drainage.";
        await using var services = new ServiceCollection().AddDigestEmbeddings().BuildServiceProvider();
        var embedder = services.GetRequiredService<ITextEmbedder>();

        var vectors = await embedder.EmbedAsync([seeds[0], seeds[1], unrelated, seeds[0] + " " + string.Join(' ', Enumerable.Repeat("filler words", 400))]);

        Assert.Equal(2, seeds.Count);
        Assert.All(vectors, v => Assert.Equal(embedder.Dimensions, v.Length));
        Assert.All(vectors, v => Assert.Equal(1.0, v.Sum(x => (double)x * x), 3));
        var sameEvent = Dot(vectors[0], vectors[1]);
        Assert.True(sameEvent > Dot(vectors[0], vectors[2]) + 0.2f, $"same event {sameEvent}, unrelated {Dot(vectors[0], vectors[2])}");
        Assert.True(sameEvent > Dot(vectors[1], vectors[2]) + 0.2f);
        // Over-long input is cut to 128 word pieces, not rejected: its first 128 pieces are the seed's own.
        Assert.True(Dot(vectors[0], vectors[3]) > 0.5f);
    }

    private static float Dot(float[] a, float[] b) => a.Zip(b).Sum(p => p.First * p.Second);
}
