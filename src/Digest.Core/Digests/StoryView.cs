using Digest.Core.Stories;

namespace Digest.Core.Digests;

/// <summary>One story as the templates see it; <c>link</c> is its place on the day's web page (absolute).</summary>
internal sealed record StoryView(
    int Number,
    string Anchor,
    string Link,
    string Headline,
    IReadOnlyList<string> Summary,
    bool Developing,
    string DevelopingText,
    string FirstSeenLong,
    string OutletsText,
    string SourceCountText,
    IReadOnlyList<SourceView> Sources)
{
    public static StoryView From(Story story, int number, string webUrl)
    {
        var anchor = "s" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var outlets = StoryRanking.OutletNames(story.Sources);
        var unnamed = story.Sources.Count(s => StoryRanking.OutletName(s) is null);
        var outletsText = string.Join(", ", outlets.Take(3))
            + (outlets.Count > 3 ? $" +{outlets.Count - 3}" : string.Empty)
            + (unnamed > 0 ? (outlets.Count > 0 ? " and " : string.Empty) + DigestView.Count(unnamed, "other source", "other sources") : string.Empty);

        // Every source cited today was published today (a digest gathers the day's articles), so they are what is new.
        var developing = story.Developing
            ? $"New today: {DigestView.Count(story.Sources.Count, "source", "sources")}; first reported {DigestView.ShortDate(story.FirstSeen)}"
            : string.Empty;
        return new StoryView(
            number,
            anchor,
            webUrl + "#" + anchor,
            story.Headline,
            story.Summary,
            story.Developing,
            developing,
            DigestView.LongDate(story.FirstSeen),
            outletsText,
            DigestView.Count(story.Sources.Count, "source", "sources"),
            story.Sources.Select(s => SourceView.From(s, story.Headline)).ToArray());
    }

    /// <summary>Words a reader reads in the full treatment (for the reading-time estimate).</summary>
    public int Words => DigestView.Words(Headline) + Summary.Sum(DigestView.Words)
        + Sources.Sum(s => DigestView.Words(s.Label) + (s.ShowTitle ? DigestView.Words(s.Title) : 0) + s.Additions.Sum(DigestView.Words));
}
