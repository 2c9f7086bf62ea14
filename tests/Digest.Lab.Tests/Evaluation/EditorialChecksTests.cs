using Digest.Lab.Evaluation;

namespace Digest.Lab.Tests.Evaluation;

/// <summary>The eval's own editorial detectors, on sentences written for these tests after the examples.</summary>
public sealed class EditorialChecksTests
{
    [Theory]
    [InlineData("The mayor lied, and I think it's a shame,\u201D Baxter said, before claiming that Ruiz \u201Clied many times.", true)]
    [InlineData("\u201CThe mayor lied,\u201D Baxter said.", false)]
    public void Flipped_MarksOutOfOrder(string sentence, bool flipped) => Assert.Equal(flipped, EditorialChecks.Flipped(sentence));

    [Theory]
    [InlineData("Judge Okafor has embarrassed all by making very dumb political statements about me.", true)]
    [InlineData("\u201CWe will not back down on this,\u201D Mayor Dana Ruiz said.", false)]
    public void Speakerless(string sentence, bool expected) => Assert.Equal(expected, EditorialChecks.Speakerless(sentence));

    [Theory]
    [InlineData("Mr. Hollis used his radio programs to raise money.", "", 1)]
    [InlineData("Mr. Hollis used his radio programs to raise money.", "Mike Hollis spoke.", 0)]
    [InlineData("Goelman said the case was weak.", "", 1)]
    [InlineData("Police said the case was weak.", "", 0)]
    public void Unintroduced(string sentence, string earlier, int expected) =>
        Assert.Equal(expected, EditorialChecks.Unintroduced(sentence, earlier, "Mike Hollis and Jason Goelman and Metro Police met."));

    [Theory]
    [InlineData("It rained last week. DANVILLE, Ky. \u2013- Joe Biden spoke.", true)]
    [InlineData("WASHINGTON \u2014 Peter Strand was fired.", true)]
    [InlineData("BERKELEY HEIGHTS, N.J. \u2014 The mayor spoke.", true)]
    [InlineData("(AP) \u2014 The mayor spoke.", true)]
    [InlineData("The NATO summit opened in Brussels.", false)]
    public void HasDateline(string sentence, bool expected) => Assert.Equal(expected, EditorialChecks.HasDateline(sentence));

    [Theory]
    [InlineData("Biden Tries Again to Sell Tax Compromise", "Larry Sommer said growth would slow next year.", true)]
    [InlineData("Biden Tries Again to Sell Tax Compromise", "President Biden met Democrats to sell the tax deal.", false)]
    public void Disagree(string headline, string lead, bool expected) => Assert.Equal(expected, EditorialChecks.Disagree(headline, lead));
}
