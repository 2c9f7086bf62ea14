using Digest.Core.Articles.Heuristics;

namespace Digest.Core.Tests.Articles;

public sealed class HeuristicsTests
{
    [Theory]
    [InlineData("Kim arrives in Beijing. Image: Ommcom News.", "Kim arrives in Beijing", "Ommcom News")]
    [InlineData("Crowds in the square (Photo: AP)", "Crowds in the square", "AP")]
    [InlineData("Crowds in the square. Photo by Jane Roe/Reuters", "Crowds in the square", "Jane Roe/Reuters")]
    [InlineData("Crowds in the square | Credit: Getty Images", "Crowds in the square", "Getty Images")]
    [InlineData("[Picture: Town Crier]", "", "Town Crier")]
    [InlineData("Photograph: 2025 City Wire", "", "2025 City Wire")]
    public void CaptionDetector_Credits_Split(string line, string description, string credit)
    {
        Assert.True(CaptionDetector.TrySplit(line, out var d, out var c));
        Assert.Equal(description, d);
        Assert.Equal(credit, c);
    }

    [Theory]
    [InlineData("Here is the full picture: markets fell sharply.")]
    [InlineData("The photo: a blurry shot of the harbour.")]
    [InlineData("Kim Jong Un Arrives in Beijing to Attend China’s Victory Day Military Parade")]
    [InlineData("He said the image was fake. Officials disagreed.")]
    public void CaptionDetector_Prose_NotCaption(string line)
    {
        Assert.False(CaptionDetector.IsCaption(line));
    }

    [Theory]
    [InlineData("Kim’s Legendary Train", true)]
    [InlineData("Beijing Parade: A Show of Military Might", true)]
    [InlineData("Limited Western Presence, Strong Asian Representation", true)]
    [InlineData("First North Korean Leader at a Chinese Parade Since 1959", true)]
    [InlineData("Background", true)]
    [InlineData("What Happens Next?", true)]
    [InlineData("It rained.", false)]
    [InlineData("the council met", false)]
    [InlineData("Officials declined to comment on the vote in the chamber today", false)]
    [InlineData("Prices rose. Wages Did Not", false)]
    [InlineData("“We Will Win,” He Said", false)]
    public void HeadingDetector_LooksLikeHeading(string line, bool expected)
    {
        Assert.Equal(expected, HeadingDetector.LooksLikeHeading(line));
    }

    [Theory]
    [InlineData("Source: City Wire", "Outlet", "City Wire")]
    [InlineData("published: 2025-09-02", "Published", "2025-09-02")]
    [InlineData("By Jane Roe", "Byline", "Jane Roe")]
    [InlineData("Author: Jane Roe", "Byline", "Jane Roe")]
    [InlineData("Lang: de", "Language", "de")]
    public void MetadataLine_Recognised(string line, string field, string value)
    {
        Assert.True(MetadataLine.TryParse(line, out var f, out var v));
        Assert.Equal(field, f.ToString());
        Assert.Equal(value, v);
    }

    [Theory]
    [InlineData("By the time we arrived, it was over.")]
    [InlineData("By Tuesday the market had fallen by half.")]
    [InlineData("Note: this is not a header")]
    public void MetadataLine_Prose_NotMetadata(string line)
    {
        Assert.False(MetadataLine.TryParse(line, out _, out _));
    }
}
