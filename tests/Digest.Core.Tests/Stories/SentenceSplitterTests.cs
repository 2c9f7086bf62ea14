using Digest.Core.Stories.Text;

namespace Digest.Core.Tests.Stories;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("Mr. Smith went to Washington. He met Gen. Jones there.", 2)]
    [InlineData("The U.S. Army said so. Officials agreed.", 2)]
    [InlineData("President George W. Bush spoke. Then he left!", 2)]
    [InlineData("\"We will win,\" she said. \"Nobody doubts it.\" The crowd cheered.", 3)]
    [InlineData("It cost $3.5 million. Critics objected.", 2)]
    [InlineData("Is it over? Not yet.", 2)]
    [InlineData("one sentence without a full stop", 1)]
    public void Split_Paragraph_CountsSentences(string paragraph, int expected) =>
        Assert.Equal(expected, SentenceSplitter.Split(paragraph).Count);

    [Fact]
    public void Split_ClosingQuote_StaysWithSentence()
    {
        var sentences = SentenceSplitter.Split("He said \"yes.\" Then he left.");

        Assert.Equal(["He said \"yes.\"", "Then he left."], sentences);
    }
}
