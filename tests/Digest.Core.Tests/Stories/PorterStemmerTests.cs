using Digest.Core.Stories.Text;

namespace Digest.Core.Tests.Stories;

public sealed class PorterStemmerTests
{
    // Reference pairs from Porter's paper and his published vocabulary/output lists.
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("ties", "ti")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("bled", "bled")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("conflated", "conflat")]
    [InlineData("troubled", "troubl")]
    [InlineData("sized", "size")]
    [InlineData("hopping", "hop")]
    [InlineData("falling", "fall")]
    [InlineData("hissing", "hiss")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("sky", "sky")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("rational", "ration")]
    [InlineData("digitizer", "digit")]
    [InlineData("operator", "oper")]
    [InlineData("hopefulness", "hope")]
    [InlineData("goodness", "good")]
    [InlineData("electrical", "electr")]
    [InlineData("allowance", "allow")]
    [InlineData("adjustment", "adjust")]
    [InlineData("adoption", "adopt")]
    [InlineData("generalizations", "gener")]
    [InlineData("oscillators", "oscil")]
    [InlineData("probate", "probat")]
    [InlineData("rate", "rate")]
    [InlineData("cease", "ceas")]
    [InlineData("controlling", "control")]
    [InlineData("missiles", "missil")]
    [InlineData("parade", "parad")]
    public void Stem_ReferenceWord_MatchesPorter(string word, string expected) =>
        Assert.Equal(expected, PorterStemmer.Stem(word));

    [Theory]
    [InlineData("a")]
    [InlineData("is")]
    [InlineData("2015")]
    [InlineData("café")]
    public void Stem_ShortOrNonAscii_Unchanged(string word) => Assert.Equal(word, PorterStemmer.Stem(word));
}
