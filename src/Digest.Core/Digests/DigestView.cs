using System.Globalization;
using Digest.Core.Delivery;
using Digest.Core.Stories;

namespace Digest.Core.Digests;

/// <summary>
/// What the templates see, as <c>digest</c> (Scriban's snake_case names: <c>digest.date_long</c>,
/// <c>story.headline</c>, <c>source.url</c>): display-ready values only. Every string here is plain text, encoded by
/// the HTML template's context whatever the template says; URLs are kept only when they are absolute http(s).
/// <c>stories</c> are those shown in full (the first is the lead, shown before any list, so a phone's first screen
/// holds the news), <c>brief</c> the stories in full after the lead (listed once, as "In brief"), <c>also_today</c>
/// the one-liners after them: no list shows a story twice.
/// </summary>
internal sealed record DigestView(
    string Title,
    string Lang,
    string DateLong,
    string DateShort,
    string Preheader,
    string StoryCountText,
    string OutletCountText,
    string ReadingTimeText,
    string UnsubscribeUrl,
    string WebUrl,
    string ArchiveUrl,
    string PostalAddress,
    bool IsWeb,
    string OmittedText,
    int StoryCount,
    string AlsoTodayText,
    IReadOnlyList<StoryView> Brief,
    IReadOnlyList<StoryView> Stories,
    IReadOnlyList<StoryView> AlsoToday)
{
    private const int WordsPerMinute = 230;
    private const int SubjectLead = 62;
    private const int SubjectMax = 80;
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    public static DigestView From(DigestDocument digest, DigestOptions options, DigestEdition edition)
    {
        var web = DigestLinks.DayPage(options, digest.Day);
        var all = digest.Stories.Select((s, i) => StoryView.From(s, i + 1, web)).ToArray();
        var full = edition == DigestEdition.Web ? all.Length : Math.Min(all.Length, options.FullStories);
        var stories = all.Take(full).ToArray();
        var also = all.Skip(full).ToArray();
        var words = stories.Sum(s => s.Words) + also.Sum(s => Words(s.Headline) + Words(s.OutletsText));
        return new DigestView(
            options.Title,
            "en",
            LongDate(digest.Day),
            ShortDate(digest.Day),
            PreheaderFor(all),
            Count(all.Length, "story", "stories"),
            Count(StoryRanking.OutletCount(digest.Stories.SelectMany(s => s.Sources)), "outlet", "outlets"),
            string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (words + WordsPerMinute - 1) / WordsPerMinute)} min read"),
            edition == DigestEdition.Web ? UnsubscribeLinks.PageUrl(options) : EmailTags.UnsubscribeUrl,
            web,
            DigestLinks.ArchiveIndex(options),
            options.PostalAddress.Trim(),
            edition == DigestEdition.Web,
            digest.OmittedStories > 0 ? $"{Count(digest.OmittedStories, "smaller story", "smaller stories")} over the limit of {options.MaxStories} not listed." : string.Empty,
            all.Length,
            Count(also.Length, "more story", "more stories"),
            stories.Skip(1).ToArray(),
            stories,
            also);
    }

    /// <summary>"Kim arrives in Beijing … · Tue 2 Sep": the top headline first (about 60 characters), at most 80 in all.</summary>
    public static string SubjectFor(DigestDocument digest, string title)
    {
        var date = ShortDate(digest.Day);
        var lead = Text.SingleLineText.From(digest.Stories.Count > 0 ? digest.Stories[0].Headline : title);
        return Truncate(lead, Math.Min(SubjectLead, SubjectMax - date.Length - 3)) + " · " + date;
    }

    /// <summary>Teases the next two stories (the subject already names the first).</summary>
    private static string PreheaderFor(IReadOnlyList<StoryView> stories) => stories.Count switch
    {
        0 => "No new stories today.",
        1 => Truncate(string.Join(' ', stories[0].Summary), 140),
        _ => Truncate("Also: " + string.Join(" · ", stories.Skip(1).Take(2).Select(s => s.Headline)), 140),
    };

    internal static string LongDate(DateOnly day) => day.ToString("dddd d MMMM yyyy", Culture);

    /// <summary>"Tue 2 Sep": three-letter months always (ICU's en-GB writes "Sept").</summary>
    internal static string ShortDate(DateOnly day) =>
        day.ToString("ddd d ", Culture) + "JanFebMarAprMayJunJulAugSepOctNovDec".Substring((day.Month - 1) * 3, 3);

    internal static string Count(int n, string one, string many) => Counted.Of(n, one, many);

    internal static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>At most <paramref name="max"/> characters, ending in "…" when cut (subject, preheader).</summary>
    internal static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
