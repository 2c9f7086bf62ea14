using System.Text.Json;
using Digest.Core.Articles;
using Digest.Core.Json;
using Digest.Core.Tests.Stories;

namespace Digest.Core.Tests.Articles;

public sealed class ArticleEmbeddingTests
{
    [Fact]
    public void Serialize_ArticleWithVector_RoundTripsWithinHalfPrecision()
    {
        var vector = new FakeTextEmbedder().Embed(StoryFixtures.BeijingVisit().BodyText);
        var article = StoryFixtures.BeijingVisit() with { Embedding = new ArticleEmbedding("fake", vector) };

        var json = JsonSerializer.Serialize(article, DigestJsonContext.Stored.Article);
        var back = JsonSerializer.Deserialize(json, DigestJsonContext.Stored.Article)!;

        Assert.Equal("fake", back.Embedding!.Model);
        Assert.Equal(vector.Length, back.Embedding.Vector.Length);
        Assert.All(vector.Zip(back.Embedding.Vector), p => Assert.Equal(p.First, p.Second, 0.001f));
        // Compact: base64 of two bytes per component, not a JSON number list.
        using var document = JsonDocument.Parse(json);
        Assert.Equal(((vector.Length * 2) + 2) / 3 * 4, document.RootElement.GetProperty("embedding").GetProperty("vector").GetString()!.Length);
    }

    [Fact]
    public void Serialize_ArticleWithoutVector_NoEmbeddingProperty()
    {
        var json = JsonSerializer.Serialize(StoryFixtures.MissileTest(), DigestJsonContext.Stored.Article);

        Assert.DoesNotContain("embedding", json, StringComparison.Ordinal);
        Assert.Null(JsonSerializer.Deserialize(json, DigestJsonContext.Stored.Article)!.Embedding);
    }
}
