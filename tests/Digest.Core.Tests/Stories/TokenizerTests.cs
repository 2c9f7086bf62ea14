using Digest.Core.Stories.Text;

namespace Digest.Core.Tests.Stories;

public sealed class TokenizerTests
{
    [Fact]
    public void Tokenize_PossessiveAcronymNumber_Normalised()
    {
        var tokens = Tokenizer.Tokenize("The U.S. envoy met Kim's aides on 1,200 acres.");

        Assert.Equal(["the", "us", "envoy", "met", "kim", "aides", "on", "1200", "acres"], tokens.Select(t => t.Lower));
        Assert.True(tokens[0].SentenceStart);
        Assert.False(tokens[2].SentenceStart);
        Assert.True(tokens[4].Capitalized);
        Assert.True(tokens[7].IsNumber);
    }

    [Fact]
    public void Tokenize_NameRunBrokenByComma_JoinedOnlyWithinRun()
    {
        var tokens = Tokenizer.Tokenize("met Xi Jinping, Vladimir Putin");

        Assert.True(tokens[2].Joined);   // Jinping follows Xi
        Assert.False(tokens[3].Joined);  // Vladimir follows a comma
        Assert.True(tokens[4].Joined);
    }

    [Fact]
    public void Tokenize_NewSentence_MarksStart()
    {
        var tokens = Tokenizer.Tokenize("He left. Police came");

        Assert.True(tokens[2].SentenceStart);
    }
}
